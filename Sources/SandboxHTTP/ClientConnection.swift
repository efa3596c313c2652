import CEpoll
import Glibc

/// One accepted TCP connection, driven by its event loop: reads bytes into the parser, answers
/// requests one at a time in arrival order (pipelining, RFC 9112 §9.3.2), writes without
/// blocking, and enforces the timeouts. Confined to its loop's thread.
final class ClientConnection {
    let descriptor: Int32
    let id: UInt64
    unowned let loop: EventLoop
    private(set) var interest: UInt32

    private enum Phase: Equatable {
        /// Parsing; handlers run inline when a request completes.
        case reading
        /// A reply is held, delayed or deferred; the next pipelined request waits.
        case awaitingReply
        /// A streamed body is being written as its producer sends it; requests are not read.
        case streaming
        /// The last response is being written; then the connection ends.
        case closingAfterFlush
        /// Written and half-closed; reading and discarding until EOF or the deadline.
        case lingering(until: UInt64)
        case closed
    }

    private struct Exchange: Sendable {
        let request: HTTPRequest
        let startedAt: UInt64
        let keepAlive: Bool
        var annotations: [String: String] = [:]
    }

    private var phase = Phase.reading
    private var parser: HTTPRequestParser
    private var output: [UInt8] = []
    private var outputStart = 0
    private var peerClosed = false
    private var lastReceived: UInt64
    private var lastActivity: UInt64
    private var lastWriteProgress: UInt64
    /// Set while `phase` is `.streaming`; the sink must hear of the close whatever ends it.
    private var stream: ActiveStream?

    /// Past this much unsent output, pipelined requests wait: a client that sends without
    /// reading must not make the server buffer without bound.
    private static let outputBacklogLimit = 1024 * 1024

    init(descriptor: Int32, loop: EventLoop) {
        self.descriptor = descriptor
        self.loop = loop
        self.id = loop.context.nextConnectionID()
        self.parser = HTTPRequestParser(limits: loop.context.configuration.limits)
        self.interest = EventLoop.Events.input | EventLoop.Events.readHangUp
        let now = MonotonicClock.now()
        lastReceived = now
        lastActivity = now
        lastWriteProgress = now
    }

    private var outputPending: Int { output.count - outputStart }

    /// Nothing begun, nothing owed: safe to close when the server drains.
    var isIdle: Bool {
        // A stream owes nothing: it ends when the server stops.
        phase == .streaming || (phase == .reading && outputPending == 0 && !parser.hasPartialRequest)
    }

    /// For a graceful stop: reads what has already arrived, and closes the connection only if
    /// that is nothing; a request whose bytes are in the kernel is answered (its response says
    /// `Connection: close`) instead of cut off.
    func closeUnlessSomethingArrived() {
        // A stream owes nothing: it ends with the server.
        if phase == .streaming {
            close()
            return
        }
        receive()
        guard phase != .closed else { return }
        if parser.bufferedByteCount == 0 { close() } else { advance() }
    }

    // MARK: - Readiness

    func handle(events: UInt32) {
        if events & EventLoop.Events.error != 0 {
            close()
            return
        }
        if events & (EventLoop.Events.input | EventLoop.Events.readHangUp | EventLoop.Events.hangUp) != 0 {
            receive()
        }
        if phase == .closed { return }
        if case .lingering = phase {
            if peerClosed { close() }
            return
        }
        if phase == .streaming {
            if peerClosed { close() } else { flush(); updateInterest() }
            return
        }
        advance()
    }

    private func receive() {
        let scratch = loop.readScratch
        while phase != .closed {
            let count = recv(descriptor, scratch.baseAddress, scratch.count, 0)
            if count > 0 {
                lastReceived = MonotonicClock.now()
                if case .lingering = phase { continue }
                // A stream's client has nothing more to say; whatever it sends is dropped.
                if phase == .streaming { continue }
                parser.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                // A short read means the socket is drained; skip the recv that would say EAGAIN.
                if count < scratch.count { return }
            } else if count == 0 {
                peerClosed = true
                return
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return
            } else {
                close()
                return
            }
        }
    }

    /// Answers what can be answered, writes, and tells epoll what to watch next.
    private func advance() {
        // Requests already buffered need no new readiness event: after a backlog pause, keep
        // answering as long as the writes drain.
        var stoppedForBacklog = processRequests()
        while stoppedForBacklog && phase == .reading {
            flush()
            guard phase == .reading, outputPending < Self.outputBacklogLimit else { break }
            stoppedForBacklog = processRequests()
        }
        if phase == .closed { return }
        if phase == .reading && peerClosed && !stoppedForBacklog {
            // The client finished sending, and everything it sent is answered: end after writing.
            if outputPending > 0 { phase = .closingAfterFlush } else { close(); return }
        }
        flush()
        if phase == .reading && loop.draining && isIdle {
            close()
            return
        }
        if phase != .closed { updateInterest() }
    }

    /// Parses and answers buffered requests; true when it stopped because unsent output reached
    /// the backlog limit (more requests may be waiting in the parser).
    private func processRequests() -> Bool {
        while phase == .reading {
            if outputPending >= Self.outputBacklogLimit { return true }
            let event: HTTPRequestParser.Event
            do {
                event = try parser.next()
            } catch {
                reject(status: error.status, message: error.message)
                return false
            }
            switch event {
            case .needMoreData:
                return false
            case .continueExpected:
                output.append(contentsOf: HTTPResponseWriter.continueBytes)
            case .request(var request):
                request.id = loop.context.nextRequestID()
                let exchange = Exchange(request: request, startedAt: MonotonicClock.now(), keepAlive: request.shouldKeepAlive)
                phase = .awaitingReply
                apply(loop.context.handler.handle(request), to: exchange)
            }
        }
        return false
    }

    // MARK: - Replies

    private func apply(_ reply: Reply, to exchange: Exchange) {
        switch reply {
        case .respond(let response):
            let keepAlive = exchange.keepAlive && !loop.draining
            output.append(contentsOf: HTTPResponseWriter.serialize(
                response,
                keepAlive: keepAlive,
                requestVersion: exchange.request.version,
                headOnly: exchange.request.method == .head,
                date: loop.date.now()
            ))
            observe(exchange, status: response.status.code, outcome: .responded, annotations: response.annotations, response: response)
            lastActivity = MonotonicClock.now()
            phase = keepAlive ? .reading : .closingAfterFlush
        case .close:
            observe(exchange, status: nil, outcome: .closed)
            flush()
            close()
        case .reset:
            observe(exchange, status: nil, outcome: .reset)
            reset()
        case .hold(let milliseconds):
            let (loop, fd, id) = (loop, descriptor, id)
            loop.schedule(afterMilliseconds: milliseconds) {
                guard let connection = loop.connection(fd, id: id) else { return }
                connection.observe(exchange, status: nil, outcome: .held)
                connection.close()
            }
        case .delayed(let milliseconds, let inner):
            let (loop, fd, id) = (loop, descriptor, id)
            loop.schedule(afterMilliseconds: milliseconds) {
                loop.connection(fd, id: id)?.resume(with: inner, for: exchange)
            }
        case .deferred(let work):
            let (loop, fd, id) = (loop, descriptor, id)
            work.start { reply in
                loop.execute { loop.connection(fd, id: id)?.resume(with: reply, for: exchange) }
            }
        case .stream(let stream):
            begin(stream, for: exchange)
        case .annotated(let annotations, let inner):
            var annotated = exchange
            annotated.annotations.merge(annotations) { _, new in new }
            apply(inner, to: annotated)
        }
    }

    /// Writes the head and hands the producer a sink whose writes come back to this loop.
    private func begin(_ stream: ResponseStream, for exchange: Exchange) {
        let request = exchange.request
        let chunked = request.version == .http1_1
        let headOnly = request.method == .head
        output.append(contentsOf: HTTPResponseWriter.serialize(
            stream.head, keepAlive: false, requestVersion: request.version, headOnly: headOnly, date: loop.date.now(), streamed: true
        ))
        observe(exchange, status: stream.head.status.code, outcome: .responded, annotations: stream.head.annotations, response: stream.head)
        lastActivity = MonotonicClock.now()
        let (loop, fd, id) = (loop, descriptor, id)
        let sink = StreamSink(limit: stream.backlogLimit) { item in
            loop.execute { loop.connection(fd, id: id)?.streamed(item) }
        }
        // A HEAD gets the head alone; a client that already half-closed, or a server that is
        // stopping, gets no stream either. The producer still starts, with a closed sink, so
        // whatever it holds for a follower is given back through onClose.
        guard !headOnly && !peerClosed && !loop.draining else {
            phase = .closingAfterFlush
            sink.closed()
            stream.start(sink)
            return
        }
        self.stream = ActiveStream(
            sink: sink, chunked: chunked, backlogLimit: stream.backlogLimit, heartbeat: stream.heartbeat,
            heartbeatNanoseconds: UInt64(stream.heartbeatInterval.nanoseconds)
        )
        phase = .streaming
        stream.start(sink)
    }

    /// What the producer sent, for the stream in progress.
    private func streamed(_ item: StreamSink.Item) {
        guard phase == .streaming, let stream else { return }
        switch item {
        case .cut:
            close()
        case .finish:
            if stream.chunked { output.append(contentsOf: HTTPResponseWriter.chunk([])) }
            phase = .closingAfterFlush
            flush()
            if phase != .closed { updateInterest() }
        case .bytes(let bytes):
            stream.sink.taken(bytes.count)
            write(bytes, to: stream)
        }
    }

    private func write(_ bytes: [UInt8], to stream: ActiveStream) {
        guard !bytes.isEmpty else { return }
        output.append(contentsOf: stream.chunked ? HTTPResponseWriter.chunk(bytes) : bytes)
        flush()
        // What the kernel would not take is this client's backlog.
        if outputPending > stream.backlogLimit { close() }
        if phase != .closed { updateInterest() }
    }

    private func resume(with reply: Reply, for exchange: Exchange) {
        guard phase == .awaitingReply else { return }
        apply(reply, to: exchange)
        if phase != .closed && phase != .awaitingReply { advance() }
    }

    /// Answers a request that could not be framed or did not arrive in time, then closes.
    private func reject(status: HTTPStatus, message: String) {
        let response = HTTPResponse.jsonError(status, message: message)
        output.append(contentsOf: HTTPResponseWriter.serialize(response, keepAlive: false, date: loop.date.now()))
        let now = MonotonicClock.now()
        loop.context.configuration.exchangeObserver?(ExchangeRecord(
            requestID: loop.context.nextRequestID(), connectionID: id, method: "-", path: "-",
            status: status.code, outcome: .rejected, durationNanoseconds: 0, annotations: ["error": message]
        ))
        lastActivity = now
        phase = .closingAfterFlush
    }

    private func observe(_ exchange: Exchange, status: Int?, outcome: ExchangeRecord.Outcome, annotations: [String: String] = [:], response: HTTPResponse? = nil) {
        guard let observer = loop.context.configuration.exchangeObserver else { return }
        observer(ExchangeRecord(
            requestID: exchange.request.id,
            connectionID: id,
            method: exchange.request.method.rawValue,
            path: exchange.request.path,
            status: status,
            outcome: outcome,
            durationNanoseconds: MonotonicClock.now() - exchange.startedAt,
            annotations: exchange.annotations.merging(annotations) { _, new in new },
            request: exchange.request,
            response: response
        ))
    }

    // MARK: - Writing and closing

    private func flush() {
        while outputStart < output.count && phase != .closed {
            let sent = output.withUnsafeBytes { bytes in
                send(descriptor, bytes.baseAddress! + outputStart, bytes.count - outputStart, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outputStart += sent
                lastWriteProgress = MonotonicClock.now()
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else {
                close()
                return
            }
        }
        guard phase != .closed else { return }
        if output.count > 256 * 1024 {
            output = []
        } else {
            output.removeAll(keepingCapacity: true)
        }
        outputStart = 0
        if phase == .closingAfterFlush { closeAfterResponse() }
    }

    /// Closing a socket whose receive queue still holds bytes makes the kernel send RST, which
    /// can destroy the response before the client reads it. So when the client may still be
    /// sending (an error mid-body, say), half-close and drain first (RFC 9112 §9.6).
    private func closeAfterResponse() {
        var queued: Int32 = 0
        if peerClosed || (parser.bufferedByteCount == 0 && ioctl(descriptor, UInt(FIONREAD), &queued) == 0 && queued == 0) {
            close()
            return
        }
        shutdown(descriptor, Int32(SHUT_WR))
        phase = .lingering(until: MonotonicClock.now() + loop.context.configuration.lingerTimeout.nanoseconds)
    }

    private func updateInterest() {
        var desired: UInt32 = 0
        switch phase {
        case .reading:
            if !peerClosed && outputPending < Self.outputBacklogLimit {
                desired = EventLoop.Events.input | EventLoop.Events.readHangUp
            }
        case .awaitingReply:
            // Not reading while a reply is pending keeps pipelined bytes in the kernel, but a
            // client that gives up must still be noticed.
            if !peerClosed { desired = EventLoop.Events.readHangUp }
        case .lingering, .streaming:
            if !peerClosed { desired = EventLoop.Events.input | EventLoop.Events.readHangUp }
        case .closingAfterFlush, .closed:
            break
        }
        if outputPending > 0 { desired |= EventLoop.Events.output }
        if desired != interest && phase != .closed {
            interest = desired
            loop.register(descriptor, events: desired, operation: EPOLL_CTL_MOD)
        }
    }

    func checkTimeouts(now: UInt64) {
        let configuration = loop.context.configuration
        // Saturating: a reply completed by a timer in this same loop pass stamped its activity
        // after `now` was read, and an unsigned underflow would trap.
        func elapsed(since moment: UInt64) -> UInt64 { now > moment ? now - moment : 0 }
        switch phase {
        case .reading:
            if outputPending > 0 && elapsed(since: lastWriteProgress) > configuration.writeTimeout.nanoseconds {
                close()
            } else if parser.hasPartialRequest {
                if elapsed(since: lastReceived) > configuration.readTimeout.nanoseconds {
                    reject(status: .requestTimeout, message: "The request was not completed within \(configuration.readTimeout) of silence.")
                    flush()
                    updateInterest()
                }
            } else if outputPending == 0 && elapsed(since: max(lastActivity, lastReceived)) > configuration.idleTimeout.nanoseconds {
                close()
            }
            if phase == .reading && loop.draining && isIdle { close() }
        case .closingAfterFlush:
            if elapsed(since: lastWriteProgress) > configuration.writeTimeout.nanoseconds { close() }
        case .streaming:
            // A stream that began after the drain's sweep of idle connections ends here.
            if loop.draining {
                close()
            } else if outputPending > 0 {
                if elapsed(since: lastWriteProgress) > configuration.writeTimeout.nanoseconds { close() }
            } else if let stream, let heartbeat = stream.heartbeat, elapsed(since: max(lastWriteProgress, lastActivity)) > stream.heartbeatNanoseconds {
                write(heartbeat, to: stream)
            }
        case .lingering(let until):
            if now >= until { close() }
        case .awaitingReply, .closed:
            break
        }
    }

    func close() {
        guard phase != .closed else { return }
        phase = .closed
        loop.forget(self)
        _ = Glibc.close(descriptor)
        stream?.sink.closed()
        stream = nil
    }

    /// SO_LINGER {on, 0}: close() then discards unsent data and sends RST instead of FIN.
    private func reset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close()
    }
}
