#!/usr/bin/env python3
"""Generate kernel/benches/escape/big.go: a deterministic ~2,000-line Go
program (package main) built from varied templates of the constructs covered
by the escape corpus. No randomness: instance k of template t derives all of
its variation from k. Usage: scripts/gen-big.py [OUT] (default: the bench path).
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "kernel", "benches", "escape", "big.go")
TARGET_LINES = 2000

MAKE_SIZES = [16, 128, 1024, 8192, 65536, 65537, 100000]
ELEM_TYPES = ["byte", "int", "int32", "string", "*int"]


def t_ret_addr(k):
    return f"""func retAddr{k}(n int) *int {{
	x := n + {k}
	return &x
}}
""", f"*retAddr{k}({k})"


def t_local_addr(k):
    return f"""func localAddr{k}(n int) int {{
	x := n * {k % 7 + 1}
	p := &x
	*p += {k}
	return *p
}}
""", f"localAddr{k}({k})"


def t_point(k):
    return f"""type point{k} struct {{
	x, y int
}}

func newPoint{k}(x, y int) *point{k} {{
	return &point{k}{{x: x, y: y}}
}}

func (p *point{k}) sum() int {{
	return p.x + p.y
}}

func usePoint{k}() int {{
	p := newPoint{k}({k}, {k + 1})
	return p.sum()
}}
""", f"usePoint{k}()"


def t_counter(k):
    return f"""func counter{k}() func() int {{
	n := {k}
	return func() int {{
		n++
		return n
	}}
}}

func useCounter{k}() int {{
	c := counter{k}()
	c()
	return c()
}}
""", f"useCounter{k}()"


def t_closure_value(k):
    return f"""func closureValue{k}(a int) int {{
	b := a + {k}
	f := func(c int) int {{ return b * c }}
	return f(a) + f({k})
}}
""", f"closureValue{k}({k})"


def t_make_const(k):
    size = MAKE_SIZES[k % len(MAKE_SIZES)]
    return f"""func makeConst{k}() int {{
	b := make([]byte, {size})
	b[0] = {k % 256}
	return len(b) + int(b[0])
}}
""", f"makeConst{k}()"


def t_make_var(k):
    et = ELEM_TYPES[k % len(ELEM_TYPES)]
    return f"""func makeVar{k}(n int) int {{
	s := make([]{et}, n)
	return len(s)
}}

func makeVarRet{k}(n int) []{et} {{
	return make([]{et}, n+{k % 5})
}}
""", f"makeVar{k}({k % 40}) + len(makeVarRet{k}({k % 3}))"


def t_append(k):
    return f"""func appendLocal{k}(n int) int {{
	var s []int
	for i := 0; i < n; i++ {{
		s = append(s, i*{k})
	}}
	return len(s)
}}

func appendRet{k}(n int) []int {{
	var s []int
	for i := range n {{
		s = append(s, i)
	}}
	return s
}}
""", f"appendLocal{k}({k % 9}) + len(appendRet{k}({k % 4}))"


def t_map(k):
    return f"""func mapLocal{k}(words []string) int {{
	m := make(map[string]int)
	for _, w := range words {{
		m[w] += {k}
	}}
	return len(m)
}}

func mapRet{k}() map[int]string {{
	return map[int]string{{{k}: "v{k}"}}
}}
""", f"mapLocal{k}([]string{{\"a\", \"b{k}\"}}) + len(mapRet{k}())"


def t_iface(k):
    kind = k % 4
    val = ["n", "n + 256", "\"s\"", "float64(n)"][kind]
    return f"""func box{k}(n int) any {{
	return {val}
}}

func boxLocal{k}(n int) int {{
	var v any = n
	if i, ok := v.(int); ok {{
		return i + {k}
	}}
	return 0
}}
""", f"boxLocal{k}({k}) + boolInt(box{k}({k}) != nil)"


def t_fmt(k):
    return f"""func format{k}(name string, n int) string {{
	return fmt.Sprintf("%s-%d-{k}", name, n)
}}
""", f"len(format{k}(\"x\", {k}))"


def t_strings(k):
    return f"""func concat{k}(a, b string) string {{
	return a + "/" + b
}}

func bytesLen{k}(s string) int {{
	b := []byte(s)
	return len(b) + len(string(b[:1]))
}}

func build{k}(parts []string) string {{
	var sb strings.Builder
	for _, p := range parts {{
		sb.WriteString(p)
	}}
	return sb.String()
}}
""", f"len(concat{k}(\"a\", \"b\")) + bytesLen{k}(\"hello{k}\") + len(build{k}([]string{{\"p\", \"q\"}}))"


def t_loop_escape(k):
    return f"""func loopEscape{k}(n int) int {{
	var p *int
	for i := 0; i < n+1; i++ {{
		x := i + {k}
		p = &x
	}}
	return *p
}}
""", f"loopEscape{k}({k % 5})"


def t_param_leak(k):
    return f"""var kept{k} *int

func keep{k}(p *int) {{
	kept{k} = p
}}

func identity{k}(p *int) *int {{
	return p
}}

func useParams{k}() int {{
	a, b := {k}, {k + 1}
	keep{k}(&a)
	return *identity{k}(&b) + *kept{k}
}}
""", f"useParams{k}()"


def t_method_value(k):
    return f"""type acc{k} struct {{
	total int
}}

func (a *acc{k}) add(v int) {{
	a.total += v
}}

func useMethodValue{k}(xs []int) int {{
	var a acc{k}
	f := a.add
	for _, x := range xs {{
		f(x)
	}}
	return a.total
}}
""", f"useMethodValue{k}([]int{{{k}, 2}})"


def t_iface_call(k):
    return f"""type shape{k} interface {{
	area() int
}}

type rect{k} struct {{
	w, h int
}}

func (r rect{k}) area() int {{
	return r.w * r.h
}}

func total{k}(ss []shape{k}) int {{
	t := 0
	for _, s := range ss {{
		t += s.area()
	}}
	return t
}}
""", f"total{k}([]shape{k}{{rect{k}{{{k}, 2}}, rect{k}{{1, 1}}}})"


def t_defer(k):
    return f"""func deferTop{k}() (r int) {{
	x := {k}
	defer func() {{ r = x * 2 }}()
	return x
}}

func deferLoop{k}(n int) (r int) {{
	for i := 0; i < n; i++ {{
		v := i
		defer func() {{ r += v }}()
	}}
	return 0
}}
""", f"deferTop{k}() + deferLoop{k}({k % 4})"


def t_go(k):
    return f"""func spawn{k}(n int) int {{
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < n; i++ {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			mu.Lock()
			total += i + {k}
			mu.Unlock()
		}}()
	}}
	wg.Wait()
	return total
}}
""", f"spawn{k}({k % 3 + 1})"


def t_slice_array(k):
    n = 4 + k % 13
    return f"""func sliceArr{k}() []int {{
	var a [{n}]int
	a[0] = {k}
	return a[:]
}}

func sliceArrLocal{k}() int {{
	var a [{n}]int
	s := a[1:]
	return len(s)
}}
""", f"len(sliceArr{k}()) + sliceArrLocal{k}()"


def t_new_expr(k):
    return f"""func newExpr{k}(n int) *int {{
	return new(n * {k % 9 + 1})
}}

func newLocal{k}() int {{
	p := new(int)
	*p = {k}
	return *p
}}
""", f"*newExpr{k}({k}) + newLocal{k}()"


def t_self_assign(k):
    return f"""type buf{k} struct {{
	b []byte
}}

func (p *buf{k}) trim() {{
	p.b = p.b[1:]
}}

func useBuf{k}() int {{
	x := &buf{k}{{b: []byte("abc{k}")}}
	x.trim()
	return len(x.b)
}}
""", f"useBuf{k}()"


def t_chan(k):
    return f"""func chanSend{k}(c chan *int) {{
	x := {k}
	c <- &x
}}

func useChan{k}() int {{
	c := make(chan *int, 1)
	chanSend{k}(c)
	return *<-c
}}
""", f"useChan{k}()"


def t_recursion(k):
    return f"""type tree{k} struct {{
	left, right *tree{k}
	v           int
}}

func insert{k}(t *tree{k}, v int) *tree{k} {{
	if t == nil {{
		return &tree{k}{{v: v}}
	}}
	if v < t.v {{
		t.left = insert{k}(t.left, v)
	}} else {{
		t.right = insert{k}(t.right, v)
	}}
	return t
}}

func size{k}(t *tree{k}) int {{
	if t == nil {{
		return 0
	}}
	return 1 + size{k}(t.left) + size{k}(t.right)
}}
""", f"size{k}(insert{k}(insert{k}(nil, {k}), 1))"


def t_copy(k):
    return f"""func clone{k}(src []int) []int {{
	dst := make([]int, len(src))
	copy(dst, src)
	return dst
}}

func copyLocal{k}(src []int) int {{
	dst := make([]int, {k % 6 + 2})
	return copy(dst, src)
}}
""", f"len(clone{k}([]int{{1, {k}}})) + copyLocal{k}([]int{{3}})"


def t_funcval(k):
    return f"""func readOnly{k}(p *int) int {{
	return *p + {k}
}}

func viaVar{k}() int {{
	x := {k}
	f := readOnly{k}
	return f(&x)
}}

func viaParam{k}(f func(*int) int) int {{
	x := {k}
	return f(&x)
}}
""", f"viaVar{k}() + viaParam{k}(readOnly{k})"


def t_errors(k):
    return f"""func check{k}(n int) error {{
	if n%2 == 0 {{
		return errors.New("even {k}")
	}}
	return fmt.Errorf("odd %d", n)
}}
""", f"boolInt(check{k}({k}) != nil)"


TEMPLATES = [
    t_ret_addr, t_local_addr, t_point, t_counter, t_closure_value,
    t_make_const, t_make_var, t_append, t_map, t_iface, t_fmt, t_strings,
    t_loop_escape, t_param_leak, t_method_value, t_iface_call, t_defer, t_go,
    t_slice_array, t_new_expr, t_self_assign, t_chan, t_recursion, t_copy,
    t_funcval, t_errors,
]

HEADER = """// Code generated by scripts/gen-big.py; DO NOT EDIT.

// big.go is the benchmark input for escape analysis: many small functions
// built from the same constructs as kernel/tests/escape/corpus.
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

var sinkInt int

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

"""


def main():
    decls = []
    calls = []
    lines = HEADER.count("\n")
    k = 0
    while True:
        t = TEMPLATES[k % len(TEMPLATES)]
        d, c = t(k)
        decls.append(d)
        calls.append(c)
        lines += d.count("\n") + 1 + 1  # decl + blank + call line
        k += 1
        if lines + 8 >= TARGET_LINES and k % len(TEMPLATES) == 0:
            break
    body = HEADER + "\n".join(decls) + "\nfunc main() {\n"
    for c in calls:
        body += f"\tsinkInt += {c}\n"
    body += "\tfmt.Println(sinkInt)\n}\n"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write(body)


if __name__ == "__main__":
    main()
