package main

// Values sent on a channel escape.
func chanSendPtr(c chan *int) {
	x := 1
	c <- &x
}

type msg struct {
	body string
}

func sendMsg(c chan *msg, body string) {
	c <- &msg{body: body}
}

func main() {
	c := make(chan *int, 1)
	m := make(chan *msg, 1)
	chanSendPtr(c)
	sendMsg(m, "hi")
	println(*<-c, (<-m).body)
}
