// Debian trixie's swiftlang 6.0.3 builds libswiftObservation.so with an undefined reference to
// swift::threading::fatal(const char *, ...), which no other runtime library exports, so any
// program using @Observable fails to link on Linux. This defines it with the runtime's meaning:
// print the message and abort. Compiled only on Linux (see Package.swift); never on iOS.
#if defined(__linux__)
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void _ZN5swift9threading5fatalEPKcz(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    abort();
}
#endif
