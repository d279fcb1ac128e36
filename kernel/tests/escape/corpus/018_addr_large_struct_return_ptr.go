package main

type record struct {
	id    int
	name  string
	score [16]float64
}

var sinkRec *record

// Returning a pointer to a medium-sized local struct.
func newRecord(id int) *record {
	r := record{id: id, name: "r"}
	r.score[0] = 1.5
	return &r
}

// Returning the same struct by value.
func recordValue(id int) record {
	return record{id: id, name: "v"}
}

func main() {
	sinkRec = newRecord(1)
	v := recordValue(2)
	sinkRec.id += v.id
}
