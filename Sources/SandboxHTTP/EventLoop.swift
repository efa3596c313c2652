import CEpoll
import Glibc
import Synchronization

/// One thread multiplexing many connections with epoll (level-triggered).
///
/// Everything but `execute` and the inbox is confined to the loop's own thread, which is why the
/// class can be `@unchecked Sendable`: other threads only ever post closures through the
/// mutex-guarded inbox and wake the loop with an eventfd.
final class EventLoop: @unchecked Sendable {
    enum Events {
        static let input: UInt32 = 0x001
        static let output: UInt32 = 0x004
        static let error: UInt32 = 0x008
        static let hangUp: UInt32 = 0x010
        static let readHangUp: UInt32 = 0x2000
        /// Wake one of the loops waiting on the shared listener, not all (Linux 4.5+).
        static let exclusive: UInt32 = 1 << 28
    }

    let index: Int
    let context: ServerContext
    private let epollDescriptor: Int32
    private let wakeDescriptor: Int32
    /// Closures other threads hand to this loop through `execute`, drained by the loop after the
    /// eventfd wakes it.
    private let inbox = Mutex<[@Sendable () -> Void]>([])

    // Loop-confined state.
    private var connections: [Int32: ClientConnection] = [:]
    private var timers = TimerQueue()
    private var listener: Int32 = -1
    private var acceptingPaused = false
    private(set) var draining = false
    private var forceStopped = false
    private var nextSweep: UInt64 = 0
    private let sweepInterval: UInt64
    var date = HTTPDate()
    /// One receive buffer for every connection of this loop: reads copy out of it at once.
    let readScratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)

    init(index: Int, context: ServerContext) throws(SocketError) {
        self.index = index
        self.context = context
        epollDescriptor = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollDescriptor >= 0 else { throw SocketError("epoll_create1") }
        wakeDescriptor = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeDescriptor >= 0 else {
            let error = SocketError("eventfd")
            close(epollDescriptor)
            throw error
        }
        let configuration = context.configuration
        let shortest = [configuration.readTimeout, configuration.idleTimeout, configuration.writeTimeout, configuration.lingerTimeout]
            .map(\.nanoseconds).min() ?? 1_000_000_000
        // Timeouts are checked by sweeping every connection; an eighth of the shortest timeout
        // keeps them accurate to ~12% without waking an idle process more than 4 times a second.
        sweepInterval = min(250_000_000, max(5_000_000, shortest / 8))
        register(wakeDescriptor, events: Events.input, operation: EPOLL_CTL_ADD)
    }

    deinit {
        close(epollDescriptor)
        close(wakeDescriptor)
        readScratch.deallocate()
    }

    // MARK: - Cross-thread entry points

    /// Runs `task` on the loop's thread, soon. Safe from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        inbox.withLock { $0.append(task) }
        var one: UInt64 = 1
        _ = write(wakeDescriptor, &one, 8)
    }

    func startListening(on descriptor: Int32) {
        execute { [self] in
            listener = descriptor
            register(descriptor, events: Events.input | Events.exclusive, operation: EPOLL_CTL_ADD)
        }
    }

    /// Stops accepting; `acknowledge` runs once this loop no longer watches the listener.
    /// Connections the kernel has already completed are taken first: their clients may have sent
    /// a request, and closing the listener would reset them.
    func stopAccepting(acknowledge: @escaping @Sendable () -> Void) {
        execute { [self] in
            if listener >= 0 && !acceptingPaused {
                while acceptConnections() {}
            }
            draining = true
            stopWatchingListener()
            acknowledge()
        }
    }

    /// Closes idle connections; busy ones finish their exchange first, then close. What a
    /// client has already sent is read first, so a request in the kernel's buffer is answered.
    func closeIdleConnections() {
        execute { [self] in
            for connection in Array(connections.values) where connection.isIdle {
                connection.closeUnlessSomethingArrived()
            }
        }
    }

    /// Closes every connection now, whatever it is doing.
    func forceStop() {
        execute { [self] in
            draining = true
            forceStopped = true
            stopWatchingListener()
            for connection in Array(connections.values) { connection.close() }
        }
    }

    // MARK: - The loop

    func run() {
        let capacity = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        nextSweep = MonotonicClock.now() + sweepInterval
        while !(draining && connections.isEmpty) && !forceStopped {
            let count = epoll_wait(epollDescriptor, events, Int32(capacity), waitMilliseconds())
            if count < 0 && errno != EINTR { break }
            for i in 0..<max(0, Int(count)) {
                let fd = events[i].data.fd
                let flags = events[i].events
                if fd == wakeDescriptor {
                    drainInbox()
                } else if fd == listener {
                    acceptConnections()
                } else if let connection = connections[fd] {
                    connection.handle(events: flags)
                }
            }
            let now = MonotonicClock.now()
            for action in timers.popDue(now: now) { action() }
            if now >= nextSweep {
                nextSweep = now + sweepInterval
                for connection in Array(connections.values) { connection.checkTimeouts(now: now) }
                if acceptingPaused && !draining { resumeAccepting() }
            }
        }
        for connection in Array(connections.values) { connection.close() }
    }

    private func waitMilliseconds() -> Int32 {
        let now = MonotonicClock.now()
        var deadline = nextSweep
        if let timer = timers.nextDeadline { deadline = min(deadline, timer) }
        guard deadline > now else { return 0 }
        // Round up so the loop never wakes just before a deadline and spins.
        return Int32(min(1_000, (deadline - now + 999_999) / 1_000_000))
    }

    private func drainInbox() {
        var counter: UInt64 = 0
        _ = read(wakeDescriptor, &counter, 8)
        let tasks = inbox.withLock { tasks -> [@Sendable () -> Void] in
            defer { tasks.removeAll() }
            return tasks
        }
        for task in tasks { task() }
    }

    // MARK: - Accepting

    /// True when the batch was full and more connections may be waiting.
    @discardableResult
    private func acceptConnections() -> Bool {
        // A bounded batch, so a burst of connections is spread over the loops.
        for _ in 0..<64 {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                switch errno {
                case EAGAIN, EWOULDBLOCK: return false
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: stop watching the listener for a sweep instead of
                    // spinning on a level-triggered event that cannot be served.
                    stopWatchingListener()
                    acceptingPaused = true
                    return false
                default: return false
                }
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            var on: Int32 = 1
            // Responses are written whole; Nagle would only delay pipelined answers.
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            let connection = ClientConnection(descriptor: fd, loop: self)
            connections[fd] = connection
            register(fd, events: connection.interest, operation: EPOLL_CTL_ADD)
        }
        return true
    }

    private func stopWatchingListener() {
        guard listener >= 0 else { return }
        if !acceptingPaused {
            var event = epoll_event()
            _ = epoll_ctl(epollDescriptor, EPOLL_CTL_DEL, listener, &event)
        }
        if draining { listener = -1 }
    }

    private func resumeAccepting() {
        guard listener >= 0 else { return }
        acceptingPaused = false
        register(listener, events: Events.input | Events.exclusive, operation: EPOLL_CTL_ADD)
    }

    // MARK: - Services for connections

    func register(_ fd: Int32, events: UInt32, operation: Int32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        _ = epoll_ctl(epollDescriptor, operation, fd, &event)
    }

    func forget(_ connection: ClientConnection) {
        connections[connection.descriptor] = nil
        var event = epoll_event()
        _ = epoll_ctl(epollDescriptor, EPOLL_CTL_DEL, connection.descriptor, &event)
    }

    /// The live connection with that descriptor and id: a closed connection's descriptor number
    /// may already belong to a new one when a timer or deferred reply arrives.
    func connection(_ fd: Int32, id: UInt64) -> ClientConnection? {
        guard let connection = connections[fd], connection.id == id else { return nil }
        return connection
    }

    func schedule(afterMilliseconds milliseconds: Int, _ action: @escaping () -> Void) {
        timers.schedule(at: MonotonicClock.now() + UInt64(max(0, milliseconds)) * 1_000_000, action)
    }
}
