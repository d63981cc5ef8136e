/* Spectral norm, the same algorithm and size as bench/programs/spectral_norm.py (n = 350, ten
   rounds of A^T A), for the C ratio in bench/README.md.
   Build: gcc -O2 -o /tmp/spectral_norm_c bench/c/spectral_norm.c -lm */
#include <math.h>
#include <stdio.h>

#define SIZE 350

static double eval_a(long i, long j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void mul_av(const double *v, double *out, int n) {
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) s += eval_a(i, j) * v[j];
        out[i] = s;
    }
}

static void mul_atv(const double *v, double *out, int n) {
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) s += eval_a(j, i) * v[j];
        out[i] = s;
    }
}

static void mul_atav(const double *v, double *out, double *tmp, int n) {
    mul_av(v, tmp, n);
    mul_atv(tmp, out, n);
}

int main(void) {
    static double u[SIZE], v[SIZE], tmp[SIZE];
    for (int i = 0; i < SIZE; i++) u[i] = 1.0;
    for (int k = 0; k < 10; k++) {
        mul_atav(u, v, tmp, SIZE);
        mul_atav(v, u, tmp, SIZE);
    }
    double vbv = 0, vv = 0;
    for (int i = 0; i < SIZE; i++) { vbv += u[i] * v[i]; vv += v[i] * v[i]; }
    printf("%.9f\n", pow(vbv / vv, 0.5));
    return 0;
}
