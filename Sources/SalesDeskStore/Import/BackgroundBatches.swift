import Foundation

/// Runs a batch producer on its own thread, at most `capacity` batches ahead of the consumer, so
/// reading and validating the next batch overlaps writing the current one (the import's two cores),
/// and unpacking a workbook's sheet overlaps reading its rows.
///
/// The producer's results come out in order through ``next()``; an error it throws comes out after
/// the batches before it. ``stop()`` (also run on deinit) tells the producer to stop at its next
/// batch and waits for it, so the producer never outlives the import that started it.
///
/// ```swift
/// let batches = BackgroundBatches(capacity: 2) { try source.next() }
/// defer { batches.stop() }
/// while let batch = try batches.next() { try write(batch) }
/// ```
final class BackgroundBatches<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Result<Batch, any Error>] = []
    private var producerDone = false
    private var stopped = false
    private let capacity: Int
    private let finished = DispatchSemaphore(value: 0)

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
        self.capacity = max(1, capacity)
        nonisolated(unsafe) let body = body
        let thread = Thread { [self] in
            defer { finished.signal() }
            do {
                try body { batch in self.put(.success(batch)) }
            } catch {
                _ = put(.failure(error))
            }
            condition.lock()
            producerDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "salesdesk-import-reader"
        thread.start()
    }

    deinit { stop() }

    /// The next batch in order, nil after the last; rethrows the producer's error in its place.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !producerDone { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let result = ready.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    /// Stops the producer after the batch it is working on and waits until its thread is done.
    func stop() {
        condition.lock()
        let wasStopped = stopped
        stopped = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
        if !wasStopped { finished.wait() }
    }

    /// Waits for room; false once the consumer has stopped.
    private func put(_ result: Result<Batch, any Error>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        ready.append(result)
        condition.broadcast()
        return true
    }
}
