package main

type stack struct {
	data []int
}

func (s *stack) push(v int) {
	s.data = append(s.data, v)
}

func (s *stack) pop() int {
	v := s.data[len(s.data)-1]
	s.data = s.data[:len(s.data)-1]
	return v
}

var sinkInt int

// A stack built on append through a pointer receiver.
func useStack() int {
	var s stack
	s.push(1)
	s.push(2)
	return s.pop()
}

func main() {
	sinkInt = useStack()
}
