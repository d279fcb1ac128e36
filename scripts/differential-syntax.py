#!/usr/bin/env python3
"""Differential test of gomem's parser against the real Go toolchain.

Takes valid Go programs, breaks them with 1-5 random token edits (delete a token, insert or
substitute a common token), runs the REAL `go build` on each mutant and keeps those whose first
error comes from the parsing phase (syntax, lexical, import-header, directive and branch errors),
writing OUT/mNNNN.go and OUT/mNNNN.golden. Then compare:

    scripts/differential-syntax.py /tmp/mut 1 500 kernel/tests/syntax_ok kernel/tests/escape/corpus
    GOMEM_DIFF_DIR=/tmp/mut cargo test -p gomem --test syntax_errors -- --ignored --nocapture differential
"""
import glob, os, random, re, subprocess, sys

out, seed, count, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
random.seed(seed)
files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, '*.go')))
token = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|`[^`]*`|\'(?:\\.|[^\'\\\n])*\'|[A-Za-z_]\w*|\d[\w.]*'
                   r'|\.\.\.|<<=|>>=|&\^=|:=|<-|\+\+|--|&&|\|\||==|!=|<=|>=|<<|>>|&\^|[-+*/%&|^]=|\S', re.S)
common = ['(', ')', '{', '}', '[', ']', ',', ';', ':', '=', ':=', '.', 'func', 'if', 'else', 'for', 'x', '1',
          '\n', 'var', 'case', '+', '*', '<-', 'return', 'struct', 'interface', 'map', 'chan', 'type', 'const',
          'switch', 'select', 'go', 'defer', 'range', '...', '&', '!', '~', '`raw`', '"s"', "'c'", 'goto', 'break',
          'continue', 'fallthrough', 'default', 'import', 'L:', '//go:noinline\n']
parse_phase = ('syntax error', 'invalid character', 'newline in', 'not terminated', 'label ', 'goto ', 'break ',
               'continue ', 'fallthrough', 'missing import', "expected '", 'rune literal', 'literal has no',
               'escape', 'method has', 'can only use', 'invalid use of', 'must not be parenthesized',
               'index required', 'directive')
work = os.path.join(out, 'work')
os.makedirs(work, exist_ok=True)
kept = 0
for i in range(count):
    src = open(random.choice(files)).read()
    for _ in range(random.choice([1, 2, 3, 5])):
        m = random.choice(list(token.finditer(src)))
        r = random.random()
        if r < 0.4:
            src = src[:m.start()] + src[m.end():]
        elif r < 0.7:
            src = src[:m.start()] + random.choice(common) + ' ' + src[m.start():]
        else:
            src = src[:m.start()] + random.choice(common) + src[m.end():]
    open(os.path.join(work, 'x.go'), 'w').write(src)
    res = subprocess.run(['go', 'build', '-o', os.devnull, 'x.go'], cwd=work, capture_output=True)
    lines = [l for l in res.stdout.decode('utf-8', 'replace').splitlines() + res.stderr.decode('utf-8', 'replace').splitlines()
             if not l.startswith('#')]
    if not lines or not any(p in lines[0] for p in parse_phase):
        continue
    kept += 1
    open(os.path.join(out, f'm{i:04d}.go'), 'w').write(src)
    open(os.path.join(out, f'm{i:04d}.golden'), 'w').write('\n'.join(lines) + '\n')
print(f'kept {kept} of {count} mutants in {out}')
