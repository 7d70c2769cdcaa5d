// Reference answer for the test-only exercise 9.1 (exercises/src/test/resources/notebooks/09-fixture.ipynb).

// EXERCISE 9.1 — Sum of values (1 point)
int sum(int[] values) {
    return IntStream.of(values).sum();
}
