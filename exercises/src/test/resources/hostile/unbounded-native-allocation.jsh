// EXERCISE 2.1 — Class activation map (3 points)
// expect: MB of memory
// sandbox: FAIL MB of memory
List<NDArray> hoard = new ArrayList<>();

NDArray classActivationMap(NDArray features, NDArray classWeights) {
    while (true) hoard.add(features.getManager().ones(new Shape(1024, 1024)));
}
