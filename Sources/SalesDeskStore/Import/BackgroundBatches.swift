import Foundation

/// Runs a batch producer on its own thread, at most `capacity` batches ahead of the consumer, so
/// reading and validating the next batch overlaps writing the current one (the import's two cores),
/// and unpacking a workbook's sheet overlaps reading its rows.
///
/// The producer's results come out in order through ``next()``; an error it throws comes out after
/// the batches before it. ``stop()`` tells the producer to stop at its next batch and waits for it;
/// dropping the object does the same, so the producer never outlives its consumer.
///
/// ```swift
/// let batches = BackgroundBatches(capacity: 2) { try source.next() }
/// defer { batches.stop() }
/// while let batch = try batches.next() { try write(batch) }
/// ```
final class BackgroundBatches<Batch: Sendable>: @unchecked Sendable {
    /// What the two threads share; the producer's thread holds this, not the outer object, so
    /// dropping the outer object runs its `deinit`.
    private final class Handoff: @unchecked Sendable {
        let condition = NSCondition()
        var ready: [Result<Batch, any Error>] = []
        var producerDone = false
        var stopped = false
        let capacity: Int
        let finished = DispatchSemaphore(value: 0)

        init(capacity: Int) { self.capacity = max(1, capacity) }

        /// Waits for room; false once the consumer has stopped.
        func put(_ result: Result<Batch, any Error>) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while ready.count >= capacity && !stopped { condition.wait() }
            guard !stopped else { return false }
            ready.append(result)
            condition.broadcast()
            return true
        }

        func take() throws -> Batch? {
            condition.lock()
            defer { condition.unlock() }
            while ready.isEmpty && !producerDone { condition.wait() }
            guard !ready.isEmpty else { return nil }
            let result = ready.removeFirst()
            condition.broadcast()
            return try result.get()
        }

        func markDone() {
            condition.lock()
            producerDone = true
            condition.broadcast()
            condition.unlock()
        }

        func stop() {
            condition.lock()
            let wasStopped = stopped
            stopped = true
            ready.removeAll()
            condition.broadcast()
            condition.unlock()
            if !wasStopped { finished.wait() }
        }
    }

    private let handoff: Handoff

    /// Starts `produce` on a new thread; it is called until it returns nil or throws.
    /// Its captured state is used by that thread alone until ``stop()`` returns.
    convenience init(capacity: Int, produce: @escaping () throws -> Batch?) {
        nonisolated(unsafe) let produce = produce
        self.init(capacity: capacity) { emit in
            while let batch = try produce() {
                guard emit(batch) else { return }
            }
        }
    }

    /// Starts `body` on a new thread; it hands each batch to `emit`, which waits for room and
    /// returns false once the consumer has stopped (the body should then return). The batches end
    /// when the body returns; an error it throws comes out after them.
    init(capacity: Int, pushing body: @escaping (_ emit: (Batch) -> Bool) throws -> Void) {
        let handoff = Handoff(capacity: capacity)
        self.handoff = handoff
        nonisolated(unsafe) let body = body
        let thread = Thread {
            defer { handoff.finished.signal() }
            do {
                try body { batch in handoff.put(.success(batch)) }
            } catch {
                _ = handoff.put(.failure(error))
            }
            handoff.markDone()
        }
        thread.name = "salesdesk-import-reader"
        thread.start()
    }

    deinit { handoff.stop() }

    /// The next batch in order, nil after the last; rethrows the producer's error in its place.
    func next() throws -> Batch? { try handoff.take() }

    /// Stops the producer after the batch it is working on and waits until its thread is done.
    func stop() { handoff.stop() }
}
