package main

import "fmt"

type Bus struct {
	subs map[string][]func(string)
}

func (b *Bus) Subscribe(topic string, f func(string)) {
	b.subs[topic] = append(b.subs[topic], f)
}

func (b *Bus) Publish(topic, msg string) {
	for _, f := range b.subs[topic] {
		f(msg)
	}
}

func main() {
	b := &Bus{subs: map[string][]func(string){}}
	count := 0
	b.Subscribe("t", func(m string) { count += len(m) })
	b.Publish("t", "hello")
	fmt.Println(count)
}
