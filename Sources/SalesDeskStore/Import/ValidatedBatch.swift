import Foundation
import SalesDeskDomain

/// A chunk of an import file, read and judged but not yet written: the rows that passed with
/// their dedupe key and score worked out, the rows rejected, and where reading stands. One or more
/// chunks make a batch (one transaction); the last chunk of a batch says so.
struct ValidatedBatch: Sendable {
    /// A valid row with what the writer needs besides the row itself.
    struct Row: Sendable {
        let lead: ImportedLead
        /// ``ImportedLead/matchKey``, worked out once.
        let matchKey: String?
        let breakdown: [LeadScoring.Contribution]
        var score: Int { min(100, max(0, breakdown.reduce(0) { $0 + $1.points })) }
    }

    var rows: [Row] = []
    var rejected: [RowProblem] = []
    /// Data rows read in this batch, including those skipped because an earlier run committed them.
    var read = 0
    /// Rows skipped because the run being resumed committed them already.
    var resumed = 0
    /// The file row of the batch's first data row (0 if none).
    var firstRow = 0
    /// Data rows read from the start of the file up to the end of this batch.
    var rowsDone = 0
    var blankRows = 0
    var fractionRead = 0.0
    /// Why reading stopped before the end of the file (the batch holds the rows before it).
    var stoppedEarly: ImportFileError?
    /// The file has no more rows after this chunk.
    var isLast = false
    /// This chunk completes a batch (or the file).
    var endsBatch = false
}

/// Reads a file into ``ValidatedBatch`` chunks of up to `chunkSize` rows (valid or rejected), cut so
/// that every `batchSize` rows end a batch; rows an earlier run committed are skipped (they count
/// toward neither), and an ``ImportFileError`` ends the file where it is found. Any other error
/// from the reader propagates.
final class ValidatedBatches {
    private let reader: any ImportRowReader
    private let validator: ImportRowValidator
    private let batchSize: Int
    private let chunkSize: Int
    private let resumeAfter: Int
    private var dataRows = 0
    /// Rows (valid or rejected) in the batch being read, before the current chunk.
    private var batchRows = 0
    private var finished = false

    init(reader: any ImportRowReader, validator: ImportRowValidator, batchSize: Int, chunkSize: Int, resumeAfter: Int) {
        self.reader = reader
        self.validator = validator
        self.batchSize = max(1, batchSize)
        self.chunkSize = max(1, min(chunkSize, batchSize))
        self.resumeAfter = resumeAfter
    }

    /// The next chunk, or nil once the last one has been returned.
    func next() throws -> ValidatedBatch? {
        guard !finished else { return nil }
        var batch = ValidatedBatch()
        while batch.rows.count + batch.rejected.count < min(chunkSize, batchSize - batchRows) {
            let raw: RawImportRow
            do {
                guard let next = try reader.next() else { batch.isLast = true; break }
                raw = next
            } catch let error as ImportFileError {
                batch.stoppedEarly = error
                batch.isLast = true
                break
            }
            dataRows += 1
            batch.read += 1
            if batch.firstRow == 0 { batch.firstRow = raw.number }
            if dataRows <= resumeAfter {
                batch.resumed += 1
                continue
            }
            switch validator.validate(raw) {
            case .success(let lead):
                batch.rows.append(.init(lead: lead, matchKey: lead.matchKey, breakdown: LeadScoring().breakdown(for: lead.scoringInput)))
            case .failure(let problem):
                batch.rejected.append(problem)
            }
        }
        finished = batch.isLast
        batchRows += batch.rows.count + batch.rejected.count
        if batchRows == batchSize || batch.isLast {
            batch.endsBatch = true
            batchRows = 0
        }
        batch.rowsDone = dataRows
        batch.blankRows = reader.blankRows
        batch.fractionRead = reader.fractionRead
        return batch
    }
}
