/// Ingress rows stored column-major in tiles: rows are grouped in blocks of `size`, columns
/// in chunks of `width`, and a tile holds one block's cells for one chunk of columns as
/// `[(column - chunkStart) * size + rowInBlock]`. For one source column the cells of a
/// block's rows are contiguous, which is what the matrix sweep reads; and a tile is about
/// as large as a row, so the tiles reuse the memory of the rows freed while copying them
/// (one flat matrix, or whole-column blocks, would sit beside the freed rows at the peak).
struct IngressBlocks: Sendable {
    static let shift = 6
    static let size = 1 << shift

    private(set) var tiles: [[UInt32]] = []
    let columns: Int
    let rowCount: Int
    /// Columns per tile, and tiles per block of rows.
    let width: Int
    let chunks: Int

    init(columns: Int, rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
        width = max(1, (columns + Self.size - 1) / Self.size)
        chunks = max(1, (columns + width - 1) / width)
    }

    subscript(row: Int, column: Int) -> UInt32 {
        let chunk = column / width
        return tiles[(row >> Self.shift) * chunks + chunk][(column - chunk * width) * Self.size + (row & (Self.size - 1))]
    }

    /// Where one column's cells live: per block, the tile index offset and the start index.
    func columnLocation(_ column: Int) -> (chunk: Int, offset: Int) {
        let chunk = column / width
        return (chunk, (column - chunk * width) * Self.size)
    }

    /// The cells of one column for one block of rows.
    func cells(block: Int, column: Int) -> ArraySlice<UInt32> {
        let (chunk, offset) = columnLocation(column)
        return tiles[block * chunks + chunk][offset..<offset + Self.size]
    }

    var blockCount: Int { (rowCount + Self.size - 1) / Self.size }

    /// Appends the next block from up to `size` row-major rows (`row(k)` gives row k of the
    /// block and may release it).
    mutating func appendBlock(rows count: Int, _ row: (Int) -> [UInt32]) {
        var block = (0..<chunks).map { j in [UInt32](repeating: ConnectionTable.none, count: min(width, columns - j * width) * Self.size) }
        for k in 0..<count {
            let r = row(k)
            for j in 0..<chunks {
                let start = j * width, end = min(columns, start + width)
                block[j].withUnsafeMutableBufferPointer { tile in
                    for c in start..<end { tile[(c - start) * Self.size + k] = r[c] }
                }
            }
        }
        tiles += block
    }
}
