/* The libyaml floor: read every file named on the command line (or one per line on standard
 * input) and parse it to events, doing nothing else. What qcdc cannot go below: its own
 * composer sits on these events. Built and run by scripts/bench.sh in the same run as qcdc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static long parse(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    static unsigned char buf[1 << 23];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    yaml_parser_t p;
    yaml_event_t e;
    long events = 0;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, buf, n);
    for (;;) {
        if (!yaml_parser_parse(&p, &e)) { fprintf(stderr, "%s: parse error\n", path); break; }
        int done = e.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&p);
    return events;
}

int main(void) {
    char line[4096];
    long files = 0, events = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (*line) { events += parse(line); files++; }
    }
    printf("%ld files, %ld events\n", files, events);
    return 0;
}
