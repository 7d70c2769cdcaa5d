// EXERCISE 7.2 — Spearman rank correlation (3 points)
// The tie-corrected closed form with n³ in int: overflows for n > 1290.
double spearman(float[] a, float[] b) {
    double[] ra = ranks(a), rb = ranks(b);
    int n = a.length;
    int n3 = n * n * n;                      // (n³ − n) / 12 is Σ(r − mean)² without ties
    double tx = (n3 - n) / 12.0 - ties(a), ty = (n3 - n) / 12.0 - ties(b);
    double d2 = 0;
    for (int i = 0; i < n; i++) d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
    return (tx + ty - d2) / (2 * Math.sqrt(tx * ty));
}
double ties(float[] v) {                      // Σ (t³ − t)/12 over groups of t equal values
    float[] s = v.clone();
    Arrays.sort(s);
    double sum = 0;
    for (int i = 0; i < s.length; ) { int j = i; while (j < s.length && s[j] == s[i]) j++; double t = j - i; sum += (t * t * t - t) / 12; i = j; }
    return sum;
}
double[] ranks(float[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
        int less = 0, equal = 0;
        for (float x : v) { if (x < v[i]) less++; if (x == v[i]) equal++; }
        r[i] = less + (equal + 1) / 2.0;
    }
    return r;
}
