// A small busy program for `node --cpu-prof`: two hot functions under main, one recursive.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function sumSquares(n) { let s = 0; for (let i = 0; i < n; i++) { s += i * i; } return s; }
function main() {
  let out = 0;
  for (let round = 0; round < 20; round++) { out += fib(24); out += sumSquares(2e6); }
  return out;
}
console.log(main());
