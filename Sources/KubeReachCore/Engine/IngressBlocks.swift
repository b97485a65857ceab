/// Ingress rows stored column-major in blocks of `size` rows: for one source column, the
/// cells of a block's rows are contiguous, which is what the matrix sweep reads; blocks
/// (rather than one flat array) let the builder release row-major rows as it copies them.
struct IngressBlocks: Sendable {
    static let shift = 6
    static let size = 1 << shift

    /// Each block holds `columns * size` cells: `[column * size + rowInBlock]` (the last
    /// block is padded with `none`).
    var blocks: [[UInt32]]
    var columns: Int
    var rowCount: Int

    subscript(row: Int, column: Int) -> UInt32 {
        blocks[row >> Self.shift][column * Self.size + (row & (Self.size - 1))]
    }
}
