package main

import "fmt"

type Queue struct {
	items []string
}

func (q *Queue) Enqueue(s string) {
	q.items = append(q.items, s)
}

func (q *Queue) Dequeue() (string, bool) {
	if len(q.items) == 0 {
		return "", false
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, true
}

func main() {
	q := &Queue{}
	q.Enqueue("a")
	q.Enqueue("b")
	s, ok := q.Dequeue()
	fmt.Println(s, ok, len(q.items))
}
