//! Parser snapshot tests: the compact dump (see `gomem::syntax::dump`) pins the tree's shape and
//! every node's position. Update with `UPDATE_EXPECT=1 cargo test -p gomem --test syntax_parse`
//! after checking the new positions against `go build -gcflags=-m`.

use expect_test::{expect, Expect};
use gomem::syntax::lexer::tokenize;
use gomem::syntax::token::Tok;
use gomem::syntax::{dump, parse_file};

fn check(src: &str, want: Expect) {
    match parse_file("./x.go", src) {
        Ok(f) => want.assert_eq(&dump::dump_file(&f)),
        Err(e) => panic!("unexpected errors:\n{e}"),
    }
}

fn errors(src: &str) -> String {
    match parse_file("./x.go", src) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn positions_of_expressions() {
    check(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := N{v: 1}\n\tfmt.Println(n.v, i.(N), []int{1}[0], n.v+1, -n.v, \"s\"[0:1], &n, *p, f(xs...))\n}\n",
        expect![[r#"
            package main @1:9
            import "fmt" @3:8
            func main @5:1 (func @5:1 () ())
              assign:= @6:4 [n@6:2#0] [(complit N@6:7#1 [(kv v@6:9#2 1@6:12#3)@6:10#4] rbrace@6:13)@6:8#5]
              expr @7:13 (call (sel fmt@7:2#6 Println@7:6)@7:5#7 [(sel n@7:14#8 v@7:16)@7:15#9 (assert i@7:19#10 N@7:22#11)@7:20#12 (index (complit (slicetype int@7:28#13)@7:26#14 [1@7:32#15] rbrace@7:33)@7:31#16 [0@7:35#17])@7:34#18 (+ (sel n@7:39#19 v@7:41)@7:40#20 1@7:43#21)@7:42#22 (- (sel n@7:47#23 v@7:49)@7:48#24)@7:46#25 (slice "s"@7:52#26 0@7:56#27 1@7:58#28 -)@7:55#29 (& n@7:63#30)@7:62#31 (* p@7:67#32)@7:66#33 (call f@7:70#34 [xs@7:72#35]... rparen@7:77)@7:71#36] rparen@7:78)@7:13#37
        "#]],
    );
}

#[test]
fn declarations() {
    check(
        r#"package p

import (
	"fmt"
	f "fmt"
	_ "unsafe"
	. "strings"
)

const (
	A, B = iota, iota * 10
	C, D
	E = "e"
	F
)

type (
	T struct {
		a, b int `tag:"x"`
		*E
		pkg.I
	}
	U = []T
	G[P any] struct{ p P }
)

var x, y = 1, 2

//go:noinline
//go:nosplit
func (t *T) M(a, b int, c ...string) (r int, err error) { return }

func F(int, string) {}
"#,
        expect![[r#"
            package p @1:9
            import "fmt" @4:2
            import f "fmt" @5:4
            import _ "unsafe" @6:4
            import . "strings" @7:4
            const A@11:2, B@11:5 = iota@11:9#0 (* iota@11:15#1 10@11:22#2)@11:20#3 iota=0
            const C@12:2, D@12:5 = iota@11:9#5 (* iota@11:15#7 10@11:22#8)@11:20#6 iota=1 implicit
            const E@13:2 = "e"@13:6#4 iota=2
            const F@14:2 = "e"@13:6#9 iota=3 implicit
            type T@18:2 (struct {a@19:3 int@19:8#10 tag="tag:\"x\"", b@19:6 int@19:8#11 tag="tag:\"x\"", embedded (* E@20:4#12)@20:3#13, embedded (sel pkg@21:3#14 I@21:7)@21:6#15})@18:4#16
            type U@23:2 = (slicetype T@23:8#17)@23:6#18
            type G@24:2[P@24:4 any@24:6#20] (struct {p@24:19 P@24:21#21})@24:11#22
            var x@27:5, y@27:8 = 1@27:12#23 2@27:15#24
            func (t@31:7 (* T@31:10#25)@31:9#26) M @31:1 (func @31:1 (a@31:15 int@31:20#29, b@31:18 int@31:20#27, c@31:25 string@31:30#28) (r@31:39 int@31:41#30, err@31:46 error@31:50#31) variadic) ["go:noinline", "go:nosplit"]
              return @31:59 
            func F @33:1 (func @33:1 (int@33:8#32, string@33:13#33) ())
        "#]],
    );
}

#[test]
fn statements() {
    check(
        r#"package p

func f(ch chan int, xs []int, v interface{}) {
	x := 0
	x++
	x -= 2
	ch <- x
	a, b := <-ch, 1
	a, b = b, a
	if y := x; y > 0 {
	} else if x < 0 {
	} else {
	}
	for i := 0; i < 10; i++ {
	}
	for i := range 10 {
		_ = i
	}
	for range xs {
	}
	for k, v := range xs {
		_, _ = k, v
	}
	for {
		break
	}
	switch x {
	case 1, 2:
		fallthrough
	default:
	}
	switch t := v.(type) {
	case int, nil:
		_ = t
	}
	switch v.(type) {
	}
L:
	for {
		continue L
	}
	go f(ch, xs, v)
	defer func() {}()
	var z int
	const c = 1
	type t int
	select {}
	return
}
"#,
        expect![[r#"
            package p @1:9
            func f @3:1 (func @3:1 (ch@3:8 (chanBoth int@3:16#0)@3:11#1, xs@3:21 (slicetype int@3:26#2)@3:24#3, v@3:31 (interface {})@3:33#4) ())
              assign:= @4:4 [x@4:2#5] [0@4:7#6]
              ++ @5:3 x@5:2#7
              assign-= @6:4 [x@6:2#8] [2@6:7#9]
              send @7:5 ch@7:2#10 x@7:8#11
              assign:= @8:7 [a@8:2#12 b@8:5#13] [(<- ch@8:12#14)@8:10#15 1@8:16#16]
              assign= @9:7 [a@9:2#17 b@9:5#18] [b@9:9#19 a@9:12#20]
              if @10:2 init=assign:= @10:7 [y@10:5#21] [x@10:10#22] cond=(> y@10:13#23 0@10:17#24)@10:15#25
              else
                if @11:9 init=- cond=(< x@11:12#26 0@11:16#27)@11:14#28
                else
                  block @12:9
              for @14:2 init=assign:= @14:8 [i@14:6#29] [0@14:11#30] cond=(< i@14:14#31 10@14:18#32)@14:16#33 post=++ @14:23 i@14:22#34
              range @16:2 i@16:6#35 - := 10@16:17#36
                assign= @17:5 [_@17:3#37] [i@17:7#38]
              range @19:2 - - = xs@19:12#39
              range @21:2 k@21:6#40 v@21:9#41 := xs@21:20#42
                assign= @22:8 [_@22:3#43 _@22:6#44] [k@22:10#45 v@22:13#46]
              for @24:2 init=- cond=- post=-
                break @25:3
              switch @27:2 init=- tag=x@27:9#47
                case 1@28:7#48 2@28:10#49 @28:2 colon@28:11
                  fallthrough @29:3
                default @30:2 colon@30:9
              typeswitch @32:2 init=- bind=t@32:9 x=v@32:14#50
                case int@33:7#51 nil@33:12#52 @33:2 colon@33:15
                  assign= @34:5 [_@34:3#53] [t@34:7#54]
              typeswitch @36:2 init=- bind=- x=v@36:9#55
              label L@38:1 @38:2
                for @39:2 init=- cond=- post=-
                  continue @40:3 L@40:12
              go @42:2 (call f@42:5#56 [ch@42:7#57 xs@42:11#58 v@42:15#59] rparen@42:16)@42:6#60
              defer @43:2 (call (funclit (func @43:8 () ()) {})@43:8#61 [] rparen@43:18)@43:17#62
              var z@44:6 int@44:8#63
              const c@45:8 = 1@45:12#64 iota=0
              type t@46:7 int@46:9#65
              select @47:2
              return @48:2 
        "#]],
    );
}

#[test]
fn composite_literals_and_types() {
    check(
        r#"package p

var (
	a = []P{{1, 2}, {X: 3}}
	b = map[string][]int{"k": {1}}
	c = [...]int{1, 2}
	d = &[]*P{{}}
	e func(int) (bool, error)
	f <-chan chan<- int
	g map[[2]int]struct{}
	h interface {
		M(x int) int
		fmt.Stringer
	}
	i = (*P).M
	j = []byte("s")
	k = s[1:2:3]
)
"#,
        expect![[r#"
            package p @1:9
            var a@4:2 = (complit (slicetype P@4:8#0)@4:6#1 [(complit - [1@4:11#2 2@4:14#3] rbrace@4:15)@4:10#4 (complit - [(kv X@4:19#5 3@4:22#6)@4:20#7] rbrace@4:23)@4:18#8] rbrace@4:24)@4:9#9
            var b@5:2 = (complit (map string@5:10#10 (slicetype int@5:19#11)@5:17#12)@5:6#13 [(kv "k"@5:23#14 (complit - [1@5:29#15] rbrace@5:30)@5:28#16)@5:26#17] rbrace@5:31)@5:22#18
            var c@6:2 = (complit (array - int@6:11#19)@6:6#20 [1@6:15#21 2@6:18#22] rbrace@6:19)@6:14#23
            var d@7:2 = (& (complit (slicetype (* P@7:10#24)@7:9#25)@7:7#26 [(complit - [] rbrace@7:13)@7:12#27] rbrace@7:14)@7:11#28)@7:6#29
            var e@8:2 (functype (func @8:4 (int@8:9#30) (bool@8:15#31, error@8:21#32)))@8:8#33
            var f@9:2 (chanRecv (chanSend int@9:18#34)@9:11#35)@9:4#36
            var g@10:2 (map (array 2@10:9#37 int@10:11#38)@10:8#39 (struct {})@10:15#40)@10:4#41
            var h@11:2 (interface {M@12:3 (functype (func @12:4 (x@12:5 int@12:7#42) (int@12:12#43)))@12:4#44, embedded (sel fmt@13:3#45 Stringer@13:7)@13:6#46})@11:4#47
            var i@15:2 = (sel (paren (* P@15:8#48)@15:7#49)@15:6#50 M@15:11)@15:10#51
            var j@16:2 = (call (slicetype byte@16:8#52)@16:6#53 ["s"@16:13#54] rparen@16:16)@16:12#55
            var k@17:2 = (slice s@17:6#56 1@17:8#57 2@17:10#58 3@17:12#59)@17:7#60
        "#]],
    );
}

#[test]
fn complit_in_statement_headers() {
    // A bare type name followed by `{` in a header opens the block, not a literal...
    assert_eq!(
        errors("package p\n\nfunc f() {\n\tif t == T{1} {\n\t}\n}\n"),
        "./x.go:4:15: syntax error: unexpected { at end of statement\n./x.go:6:1: syntax error: non-declaration statement outside function body"
    );
    // ...unless parenthesized, or not a bare name.
    assert_eq!(errors("package p\n\nfunc f() {\n\tif t == (T{1}) {\n\t}\n\tfor _, x := range []T{{1}} {\n\t}\n}\n"), "");
}

#[test]
fn semicolon_insertion() {
    let (toks, errs) = tokenize("x\nreturn\n)\n+\n++\n/* a\n b */ y /* c */\n1 // d\n");
    assert!(errs.is_empty());
    let shown: Vec<String> = toks
        .iter()
        .map(|t| match t.tok {
            Tok::Semi => format!("; {} @{}", t.lit, t.pos),
            _ => format!("{} @{}", t.describe(), t.pos),
        })
        .collect();
    expect![[r#"
        [
            "name x @1:1",
            "; newline @1:2",
            "keyword return @2:1",
            "; newline @2:7",
            ") @3:1",
            "; newline @3:2",
            "+ @4:1",
            "++ @5:1",
            "; newline @5:3",
            "name y @7:7",
            "; newline @7:16",
            "literal 1 @8:1",
            "; newline @8:7",
            "EOF @9:1",
        ]
    "#]]
    .assert_debug_eq(&shown);
}

#[test]
fn byte_columns_tabs_and_bom() {
    // Columns count bytes: the tab is one column, `é` two; a leading BOM is three.
    let (toks, _) = tokenize("\u{feff}package p\n\tvar é, x = 1, 2\n");
    let pos: Vec<String> = toks
        .iter()
        .map(|t| format!("{}@{}", t.describe(), t.pos))
        .collect();
    expect![[r#"
        [
            "keyword package@1:4",
            "name p@1:12",
            "newline@1:13",
            "keyword var@2:2",
            "name é@2:6",
            "comma@2:8",
            "name x@2:10",
            "=@2:12",
            "literal 1@2:14",
            "comma@2:15",
            "literal 2@2:17",
            "newline@2:18",
            "EOF@3:1",
        ]
    "#]]
    .assert_debug_eq(&pos);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let cases = [
        ("(", ")"),
        ("[]", ""),
        ("[]T{", "}"),
        ("*", ""),
        ("- ", ""),
        ("func(){", "}"),
        ("x[", "]"),
        ("f(", ")"),
    ];
    for (open, close) in cases {
        let n = 100_000usize;
        let src = format!(
            "package p\nvar x = {}1{}\n",
            open.repeat(n),
            close.repeat(n)
        );
        let e = errors(&src);
        assert!(
            e.contains("gomem: unsupported: program nested too deeply"),
            "{open}: {e}"
        );
    }
    let src = format!(
        "package p\nfunc f() {{\n{}\n}}\n",
        "if x {\n".repeat(50_000)
    );
    assert!(errors(&src).contains("nested too deeply"));
}

#[test]
fn pragmas_attach_to_the_next_function_only() {
    let src = "package p\n\n//go:generate stringer\n//go:noinline\n//go:nosplit\nfunc a() {}\n\nvar (\n\t//go:noinline\n\tv int\n)\n\nfunc b() {}\n";
    let f = parse_file("./x.go", src).unwrap();
    let pragmas: Vec<_> = f
        .decls
        .iter()
        .filter_map(|d| match d {
            gomem::syntax::ast::Decl::Func(fd) => Some((fd.name.name.clone(), fd.pragmas.clone())),
            _ => None,
        })
        .collect();
    expect![[r#"
        [
            (
                "a",
                [
                    "go:noinline",
                    "go:nosplit",
                ],
            ),
            (
                "b",
                [],
            ),
        ]
    "#]]
    .assert_debug_eq(&pragmas);
}
