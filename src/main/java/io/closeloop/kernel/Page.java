package io.closeloop.kernel;

import java.util.List;

/** One page of a listing, with the total so a client can page on. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
