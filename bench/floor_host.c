/* The physical floor for a native messaging host: read one frame (4-byte native-endian length,
 * then the body) from stdin and write it straight back to stdout. No parsing, no allocation
 * beyond one buffer, no libraries but libc. Anything a real host does costs on top of this. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

enum { MAX_FRAME = 1024 * 1024 };

/* Reads exactly n bytes; returns 0 on EOF or error before n bytes arrived. */
static int read_exact(unsigned char *out, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(STDIN_FILENO, out + got, n - got);
    if (r <= 0) return 0;
    got += (size_t)r;
  }
  return 1;
}

static int write_all(const struct iovec *parts, int count) {
  struct iovec iov[2];
  memcpy(iov, parts, sizeof(struct iovec) * (size_t)count);
  int first = 0;
  while (first < count) {
    ssize_t w = writev(STDOUT_FILENO, iov + first, count - first);
    if (w <= 0) return 0;
    size_t left = (size_t)w;
    while (first < count && left >= iov[first].iov_len) left -= iov[first++].iov_len;
    if (first < count) {
      iov[first].iov_base = (char *)iov[first].iov_base + left;
      iov[first].iov_len -= left;
    }
  }
  return 1;
}

int main(void) {
  static unsigned char body[MAX_FRAME];
  uint32_t length;
  while (read_exact((unsigned char *)&length, sizeof length)) {
    if (length > MAX_FRAME) return 2;
    if (!read_exact(body, length)) return 0;
    struct iovec parts[2] = {{&length, sizeof length}, {body, length}};
    if (!write_all(parts, 2)) return 0;
  }
  return 0;
}
