package main

import "fmt"

type Matrix struct {
	rows, cols int
	data       []float64
}

func NewMatrix(r, c int) *Matrix {
	return &Matrix{rows: r, cols: c, data: make([]float64, r*c)}
}

func (m *Matrix) At(i, j int) float64 {
	return m.data[i*m.cols+j]
}

func (m *Matrix) Set(i, j int, v float64) {
	m.data[i*m.cols+j] = v
}

func main() {
	m := NewMatrix(2, 2)
	m.Set(1, 1, 3.5)
	fmt.Println(m.At(1, 1))
}
