package dev.chatwire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** A chunk's choice list behaves as any unmodifiable list of its elements, whatever its size. */
class SmallListTest {
  private static List<String> of(String... items) {
    return SmallList.copyOf(Arrays.asList(items));
  }

  @Test
  void isEqualToAndHashedAsAnyListOfTheSameElements() {
    for (String[] items : new String[][] {{}, {"a"}, {"a", "b"}, {"a", "b", "a"}}) {
      List<String> list = of(items);
      List<String> same = new ArrayList<>(Arrays.asList(items));
      assertThat(list).isEqualTo(same).hasSameHashCodeAs(same).hasToString(same.toString());
      assertThat(same).isEqualTo(list);
      assertThat(list).hasSize(items.length).containsExactly(items);
      assertThat(list.isEmpty()).isEqualTo(items.length == 0);
      assertThat(list.toArray()).containsExactly((Object[]) items);
      assertThat(list.stream()).containsExactly(items);
    }
    assertThat(of("a")).isNotEqualTo(List.of("b")).isNotEqualTo(List.of("a", "b"))
        .isNotEqualTo(Collections.singleton("a"));
    assertThat(of("a", "b")).isNotEqualTo(List.of("a")).isNotEqualTo(List.of("b", "a"));
    assertThat(SmallList.of()).isSameAs(SmallList.of()).isEqualTo(List.of());
  }

  @Test
  void findsAndIndexesItsElements() {
    List<String> list = of("a", "b", "a");
    assertThat(list.get(1)).isEqualTo("b");
    assertThat(list.indexOf("a")).isZero();
    assertThat(list.lastIndexOf("a")).isEqualTo(2);
    assertThat(list.indexOf("c")).isEqualTo(-1);
    assertThat(list.contains("b")).isTrue();
    assertThat(list.contains(null)).isFalse();
    assertThat(list.subList(1, 3)).containsExactly("b", "a");
    assertThat(of("a").get(0)).isEqualTo("a");
    assertThat(of("a").indexOf("a")).isZero();
    for (List<String> l : List.of(of(), of("a"), list)) {
      assertThatThrownBy(() -> l.get(l.size())).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> l.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void iteratesForwardAndBackAndSaysWhenItIsDone() {
    List<String> list = of("a", "b");
    Iterator<String> it = list.iterator();
    assertThat(it.next()).isEqualTo("a");
    assertThat(it.next()).isEqualTo("b");
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    ListIterator<String> back = list.listIterator(2);
    assertThat(back.previousIndex()).isEqualTo(1);
    assertThat(back.previous()).isEqualTo("b");
    assertThat(back.previous()).isEqualTo("a");
    assertThat(back.hasPrevious()).isFalse();
    assertThatThrownBy(back::previous).isInstanceOf(NoSuchElementException.class);
    assertThat(back.nextIndex()).isZero();
    assertThatThrownBy(() -> list.listIterator(3)).isInstanceOf(IndexOutOfBoundsException.class);
    Iterator<String> none = of().iterator();
    assertThat(none.hasNext()).isFalse();
    assertThatThrownBy(none::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void cannotBeChangedAndCopiesWhatItIsGiven() {
    List<String> source = new ArrayList<>(List.of("a", "b"));
    List<String> list = SmallList.copyOf(source);
    source.set(0, "z");
    assertThat(list).containsExactly("a", "b");
    assertThat(SmallList.copyOf(list)).isSameAs(list);
    for (List<String> l : List.of(of("a"), list)) {
      assertThatThrownBy(() -> l.add("c")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.add(0, "c")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.remove(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.remove("a")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(l::clear).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.sort(null)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.iterator().remove())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> l.subList(0, 1).clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(list).containsExactly("a", "b");
    assertThatThrownBy(() -> SmallList.copyOf(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class);
  }
}
