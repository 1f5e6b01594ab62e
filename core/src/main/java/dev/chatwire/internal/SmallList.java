package dev.chatwire.internal;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable list that holds one element without an array, in a single 16-byte object: what
 * a chunk's {@code choices} are, whatever their count, so that a stream of chunks costs one small
 * object per chunk for its list and a caller's {@code for (ChunkChoice c : chunk.getChoices())}
 * meets only this class (one receiver type lets the JIT inline the iterator and, in most loops,
 * allocate none). Elements must not be {@code Object[]} or null. Equal to, and hashed as, any
 * other list with the same elements.
 *
 * @param <E> the element type
 */
public final class SmallList<E> extends AbstractCollection<E> implements List<E>, RandomAccess {
  private static final SmallList<?> EMPTY = new SmallList<>(null);

  // null when empty, the element when one, else an Object[] of two or more.
  private final @Nullable Object items;

  private SmallList(@Nullable Object items) {
    this.items = items;
  }

  /** The empty list. */
  @SuppressWarnings("unchecked")
  public static <E> SmallList<E> of() {
    return (SmallList<E>) EMPTY;
  }

  /** The list of one element. */
  public static <E> SmallList<E> of(E element) {
    return new SmallList<>(Objects.requireNonNull(element));
  }

  /** An unmodifiable copy of {@code list} (itself when it is one already). */
  @SuppressWarnings("unchecked")
  public static <E> SmallList<E> copyOf(Collection<? extends E> list) {
    if (list instanceof SmallList) return (SmallList<E>) list;
    Object[] a = list.toArray();
    for (Object e : a) Objects.requireNonNull(e);
    if (a.length == 0) return of();
    if (a.length == 1) return new SmallList<>(a[0]);
    return new SmallList<>(a);
  }

  @Override
  public int size() {
    Object i = items;
    return i == null ? 0 : i instanceof Object[] ? ((Object[]) i).length : 1;
  }

  @Override
  public boolean isEmpty() {
    return items == null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    Object i = items;
    if (i instanceof Object[]) return (E) ((Object[]) i)[index]; // throws when out of range
    if (i == null || index != 0) throw outOfRange(index);
    return (E) i;
  }

  // Kept out of the small methods, which stay small enough to be inlined wherever they are called.
  private IndexOutOfBoundsException outOfRange(int index) {
    return new IndexOutOfBoundsException("index " + index + ", size " + size());
  }

  @Override
  public Iterator<E> iterator() {
    return new Itr<>(this, 0);
  }

  @Override
  public ListIterator<E> listIterator() {
    return new Itr<>(this, 0);
  }

  @Override
  public ListIterator<E> listIterator(int index) {
    if (index < 0 || index > size()) throw outOfRange(index);
    return new Itr<>(this, index);
  }

  @Override
  public int indexOf(@Nullable Object o) {
    for (int i = 0, n = size(); i < n; i++) {
      if (get(i).equals(o)) return i;
    }
    return -1;
  }

  @Override
  public int lastIndexOf(@Nullable Object o) {
    for (int i = size() - 1; i >= 0; i--) {
      if (get(i).equals(o)) return i;
    }
    return -1;
  }

  @Override
  public boolean contains(@Nullable Object o) {
    return indexOf(o) >= 0;
  }

  @Override
  public List<E> subList(int fromIndex, int toIndex) {
    @SuppressWarnings("unchecked")
    List<E> all = (List<E>) Arrays.asList(toArray());
    return Collections.unmodifiableList(all.subList(fromIndex, toIndex));
  }

  @Override
  public Object[] toArray() {
    Object i = items;
    if (i == null) return new Object[0];
    if (i instanceof Object[]) return ((Object[]) i).clone();
    return new Object[] {i};
  }

  @Override
  public boolean addAll(int index, Collection<? extends E> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public E set(int index, E element) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void add(int index, E element) {
    throw new UnsupportedOperationException();
  }

  @Override
  public E remove(int index) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) return true;
    if (!(o instanceof List)) return false;
    List<?> that = (List<?>) o;
    int n = size();
    if (that.size() != n) return false;
    Iterator<?> it = that.iterator();
    for (int i = 0; i < n; i++) {
      if (!it.hasNext() || !get(i).equals(it.next())) return false;
    }
    return !it.hasNext();
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0, n = size(); i < n; i++) h = 31 * h + get(i).hashCode();
    return h;
  }

  /** A read-only iterator over the list, from {@code next}. */
  private static final class Itr<E> implements ListIterator<E> {
    private final SmallList<E> list;
    private final int size;
    private int next;

    Itr(SmallList<E> list, int next) {
      this.list = list;
      this.size = list.size();
      this.next = next;
    }

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public E next() {
      int n = next;
      if (n >= size) throw new NoSuchElementException();
      next = n + 1;
      return list.get(n);
    }

    @Override
    public boolean hasPrevious() {
      return next > 0;
    }

    @Override
    public E previous() {
      if (next <= 0) throw new NoSuchElementException();
      return list.get(--next);
    }

    @Override
    public int nextIndex() {
      return next;
    }

    @Override
    public int previousIndex() {
      return next - 1;
    }

    @Override
    public void remove() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void set(E e) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(E e) {
      throw new UnsupportedOperationException();
    }
  }
}
