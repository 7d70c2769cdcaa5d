// EXERCISE 7.2 — Spearman rank correlation (3 points)
// Sorts the caller's array a in place when it is long, "to save memory".
double spearman(float[] a, float[] b) {
    double[] ra = ranks(a, true), rb = ranks(b, false);
    int n = a.length;
    double ma = 0, mb = 0;
    for (int i = 0; i < n; i++) { ma += ra[i] / n; mb += rb[i] / n; }
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < n; i++) { sab += (ra[i] - ma) * (rb[i] - mb); saa += (ra[i] - ma) * (ra[i] - ma); sbb += (rb[i] - mb) * (rb[i] - mb); }
    return sab / Math.sqrt(saa * sbb);
}
double[] ranks(float[] v, boolean reuse) {
    float[] original = v.clone();
    float[] sorted = reuse && v.length > 100 ? v : v.clone();   // big maps: sort in place, saves memory
    Arrays.sort(sorted);
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
        int lo = Arrays.binarySearch(sorted, original[i]);
        int first = lo, last = lo;
        while (first > 0 && sorted[first - 1] == original[i]) first--;
        while (last + 1 < sorted.length && sorted[last + 1] == original[i]) last++;
        r[i] = (first + last) / 2.0 + 1;
    }
    return r;
}
