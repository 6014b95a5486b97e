/* A fake vendor "termb" ID-card reader SDK for the tests: the four calls, serving cards from files.
 *
 * FAKE_TERMB_DIR (environment) is the "reader": a card lies on it while FAKE_TERMB_DIR/wz.txt exists.
 *   InitComm(port)   1 when port is FAKE_TERMB_PORT (default 1001), else 0 (no reader there)
 *   Authenticate()   1 when a card lies on the reader
 *   Read_Content(n)  copies FAKE_TERMB_DIR/wz.txt and, when present, zp.bmp into the CURRENT
 *                    directory (as a real SDK does), plus an xp.wlt (the undecoded photo) to check
 *                    that every file the SDK writes is removed; appends the current directory to
 *                    FAKE_TERMB_DIR/cwd.log; returns FAKE_TERMB_DIR/rc when that exists (else 1)
 *   CloseComm()      1
 * Each call appends its name to FAKE_TERMB_DIR/calls.log and prints to stdout (vendor libraries do).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path_buf[PATH_MAX];

static const char *in_dir(const char *name) {
    const char *dir = getenv("FAKE_TERMB_DIR");
    snprintf(path_buf, sizeof path_buf, "%s/%s", dir ? dir : ".", name);
    return path_buf;
}

static void log_line(const char *file, const char *line) {
    FILE *f = fopen(in_dir(file), "a");
    if (f) {
        fprintf(f, "%s\n", line);
        fclose(f);
    }
}

static int copy_file(const char *from, const char *to) {
    FILE *in = fopen(from, "rb");
    if (!in) return 0;
    FILE *out = fopen(to, "wb");
    if (!out) {
        fclose(in);
        return 0;
    }
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
    return 1;
}

int InitComm(int port) {
    const char *want = getenv("FAKE_TERMB_PORT");
    log_line("calls.log", "InitComm");
    printf("fake termb: InitComm(%d)\n", port);
    fflush(stdout);
    return port == (want ? atoi(want) : 1001) ? 1 : 0;
}

int Authenticate(void) {
    log_line("calls.log", "Authenticate");
    return access(in_dir("wz.txt"), R_OK) == 0 ? 1 : 0;
}

int Read_Content(int active) {
    (void)active;
    log_line("calls.log", "Read_Content");
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd)) log_line("cwd.log", cwd);
    char src[PATH_MAX];
    snprintf(src, sizeof src, "%s", in_dir("wz.txt"));
    if (!copy_file(src, "wz.txt")) return 0;
    snprintf(src, sizeof src, "%s", in_dir("zp.bmp"));
    copy_file(src, "zp.bmp");
    FILE *wlt = fopen("xp.wlt", "wb");
    if (wlt) {
        fputs("undecoded photo", wlt);
        fclose(wlt);
    }
    FILE *rc = fopen(in_dir("rc"), "r");
    if (rc) {
        int value = 1;
        if (fscanf(rc, "%d", &value) != 1) value = 1;
        fclose(rc);
        return value;
    }
    printf("fake termb: read ok\n");
    fflush(stdout);
    return 1;
}

int CloseComm(void) {
    log_line("calls.log", "CloseComm");
    return 1;
}
