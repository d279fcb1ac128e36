package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("Base(%d,%s)", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }

type Logger struct{ Prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.Prefix + msg) }

type Service struct {
	Base
	*Logger
	Port int
}

type Override struct {
	Base
}

func (o Override) Describe() string { return "Override+" + o.Base.Describe() }

func main() {
	s := Service{Base{1, "svc"}, &Logger{"[svc] "}, 8080}
	fmt.Println(s.ID, s.Name, s.Describe())
	s.Rename("renamed")
	s.Log("hello " + s.Name)
	fmt.Printf("%v\n", s.Base)
	fmt.Printf("%+v\n", s.Base)
	o := Override{Base{2, "o"}}
	fmt.Println(o.Describe())
	fmt.Printf("%+v\n", o)
	type Describer interface{ Describe() string }
	ds := []Describer{s, o, s.Base, &o}
	for _, d := range ds {
		fmt.Println(d.Describe())
	}
}
