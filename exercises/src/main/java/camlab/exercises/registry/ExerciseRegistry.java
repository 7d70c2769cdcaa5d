package camlab.exercises.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** An ordered set of exercises with unique ids. */
public final class ExerciseRegistry {
  private final List<Exercise> exercises;

  public ExerciseRegistry(List<Exercise> exercises) {
    Set<String> seen = new LinkedHashSet<>();
    for (Exercise e : exercises) {
      if (!seen.add(e.id())) throw new IllegalArgumentException("exercise " + e.id() + " is registered twice");
    }
    this.exercises = List.copyOf(exercises);
  }

  public List<Exercise> all() {
    return exercises;
  }

  public Optional<Exercise> find(String id) {
    return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The exercise {@code id}, or an exception naming the ids that do exist. */
  public Exercise require(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "there is no exercise \"" + id + "\"; the exercises are " + ids()));
  }

  public List<String> ids() {
    return exercises.stream().map(Exercise::id).collect(Collectors.toList());
  }

  /** Notebook file names, in registry order. */
  public List<String> notebooks() {
    return new ArrayList<>(exercises.stream().map(Exercise::notebook).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  public List<Exercise> inNotebook(String notebook) {
    return exercises.stream().filter(e -> e.notebook().equals(notebook)).collect(Collectors.toList());
  }

  public int totalPoints() {
    return exercises.stream().mapToInt(Exercise::points).sum();
  }
}
