package main

type Reason string
type Flag bool
type Ratio float64

func main() {
	defer func() {
		recover()
		defer func() {
			recover()
			panic(Reason("named string reason"))
		}()
		panic(Flag(true))
	}()
	panic(Ratio(0.5))
}
