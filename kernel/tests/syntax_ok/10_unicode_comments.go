package main

/* A block comment
   spanning lines */

import "fmt" // trailing comment

// Größe holds a size; identifiers may be Unicode.
type Größe struct{ wert int }

func (g *Größe) Wert() int { return g.wert } /* inline */

func main() {
	ü := Größe{wert: 1}
	fmt.Println(ü.Wert(), "héllo", 'é', "\u00e9\xff\377")
	var π = 3.14159
	_ = π;
	;
}
