#include "textflag.h"

// func getg() uintptr — the current goroutine's g pointer (ABIInternal keeps it in R14;
// from ABI0 assembly it is read from thread-local storage).
TEXT ·getg(SB),NOSPLIT,$0-8
	MOVQ (TLS), AX
	MOVQ AX, ret+0(FP)
	RET
