package main

func main() {
	a, b, c := 1, 2, 3
	x := a + b*c - a/b%c<<1>>1&^a | b ^ c&a
	y := !(a < b) && b <= c || a != c && b >= a || c > a
	z := -a + +b + ^c
	var p *int = &a
	*p = 4
	p2 := &p
	**p2 += 1
	a -= 1
	a *= 2
	a /= 2
	a %= 3
	a &= 1
	a |= 2
	a ^= 3
	a <<= 1
	a >>= 1
	a &^= 1
	s := []int{1, 2, 3, 4}
	t := s[1:3]
	u := s[:2:3]
	v := s[1:]
	w := s[:]
	arr := [...]string{2: "c", 0: "a"}
	_ = 1.5e3 + 0x1F + 0o17 + 0b101 + 1_000 + 'a' + '\n'
	_ = 2i
	_ = "esc\"aped\t" + `raw
string`
	_, _, _, _, _, _, _, _, _ = x, y, z, t, u, v, w, arr, c
}
