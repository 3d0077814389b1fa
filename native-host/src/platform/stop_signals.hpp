// How a browser ends its host: on Linux and macOS it sends SIGTERM when the port closes (a person's
// Ctrl-C is SIGINT). From watch_stop_signals() on, either signal asks the host to stop: the event
// loop sees it at its next turn (it finishes a reply it is writing, briefly, and exits 0). Where
// the host cannot get back to its loop (waiting for the store's lock another process holds, a
// log file that blocks, a startup step that waits), a hard deadline ends it instead: exit 0 one
// second after the signal, whatever it was doing. The store is never half written by that: every
// write is an atomic replace (docs/protocol.md §5). Windows has no such signals (a browser closes
// the pipes or terminates the process): there this watches nothing.
#pragma once

namespace linkedout::platform {

// Installs the handlers once (later calls return the same descriptor). Returns a descriptor that
// becomes readable when a stop was asked (one byte: the signal's number), -1 where nothing is
// watched. The descriptor belongs to the process: never close it.
int watch_stop_signals();

}  // namespace linkedout::platform
