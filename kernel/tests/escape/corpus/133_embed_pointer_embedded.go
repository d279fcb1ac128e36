package main

type logger struct {
	prefix string
}

func (l *logger) log(s string) string {
	return l.prefix + s
}

type service struct {
	*logger
	name string
}

var sinkStr string

// Embedding a pointer: the promoted call goes through the pointer field.
func newService(name string) *service {
	return &service{logger: &logger{prefix: "[svc] "}, name: name}
}

func main() {
	s := newService("a")
	sinkStr = s.log(s.name)
}
