/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}
