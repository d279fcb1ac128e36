package main

import "fmt"

// compute_loop: pure computation, no allocation in the loop: a sieve of
// Eratosthenes up to 2,000,000 followed by 10,000,000 rounds of an integer
// hash mix (xorshift-multiply). Prints a checksum.

const (
	sieveN = 2000000
	rounds = 10000000
)

var composite [sieveN + 1]bool

func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

func main() {
	primes := 0
	for i := 2; i <= sieveN; i++ {
		if composite[i] {
			continue
		}
		primes++
		for j := i * i; j <= sieveN; j += i {
			composite[j] = true
		}
	}
	var h uint64 = 0x9e3779b97f4a7c15
	for i := range rounds {
		h = mix(h + uint64(i))
	}
	fmt.Println("compute_loop primes:", primes, "hash:", h)
}
