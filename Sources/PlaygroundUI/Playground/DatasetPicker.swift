// The data-set picker: the data sets as small pictures.
import PlaygroundCore

/// The data sets of the current problem as small pictures of their points, side by side, each
/// with its name under it when there is room, the current one between brackets with its
/// label in reverse video (both read without colour):
///
/// ```
///  ▀▀▀▀▀▀ [▀▀▀▀▀▀] ▀▀▀▀▀▀  ▀▀▀▀▀▀      pictures: half-block pixels coloured by the mean label
///  ▀▀▀▀▀▀ [▀▀▀▀▀▀] ▀▀▀▀▀▀  ▀▀▀▀▀▀      of the points in each (the map's 31 shades)
///  ▀▀▀▀▀▀ [▀▀▀▀▀▀] ▀▀▀▀▀▀  ▀▀▀▀▀▀
///  circle   xor    gauss   spiral      labels: the name, else its first letters ("circ"); no
/// ```                                  digits (those toggle features): `d`/`D` or a click
/// Pictures are 8×4, 6×3, 4×2 or 2×1 cells: the largest that fits, with a label row when the
/// height allows. Without colour a picture cell is `+` or `−` by the sign of its points' mean
/// label (the heat map's point glyphs); without Unicode one colour per cell.
/// The points come from each data set's generator with noise 0 and a fixed seed, drawn once.
enum DatasetPicker {
    /// Picture sizes in cells, largest first.
    static let pictureSizes: [(width: Int, height: Int)] = [(8, 4), (6, 3), (4, 2), (2, 1)]

    /// A short name: the state-string name, without "reg-" (only regression's are shown together).
    static func name(_ dataset: Dataset) -> String {
        dataset.rawValue.hasPrefix("reg-") ? String(dataset.rawValue.dropFirst(4)) : dataset.rawValue
    }

    /// The data sets shown for a problem.
    static func datasets(_ problem: Problem) -> [Dataset] {
        problem == .classification ? Dataset.classification : Dataset.regression
    }

    /// Each data set's points (noise 0, seed "dataset picker"), generated on first use only.
    static let samples: [Dataset: [Example]] = {
        var samples: [Dataset: [Example]] = [:]
        for dataset in Dataset.allCases {
            var random = SeededRandom(seed: "dataset picker")
            samples[dataset] = dataset.generate(count: dataset.problem.pointCount, noise: 0, using: &random)
        }
        return samples
    }()

    /// Where everything goes: the picture size, whether labels fit, each item's picture rect.
    struct Geometry {
        let pictureWidth: Int
        let pictureHeight: Int
        let hasLabels: Bool
        /// Each data set's picture (its label is the row below when `hasLabels`).
        let pictures: [Rect]
        /// The whole picker: a bracket column either side of each picture.
        var width: Int { pictures.count * (pictureWidth + 1) + 1 }
        var height: Int { pictureHeight + (hasLabels ? 1 : 0) }

        /// The largest size that fits `rect` for `count` items, labels preferred over a larger
        /// picture; nil when even the smallest does not fit.
        init?(count: Int, in rect: Rect) {
            let fits = DatasetPicker.pictureSizes.filter { count * ($0.width + 1) + 1 <= rect.width }
            guard let chosen = fits.first(where: { $0.height + 1 <= rect.height }) ?? fits.first(where: { $0.height <= rect.height })
            else { return nil }
            pictureWidth = chosen.width
            pictureHeight = chosen.height
            hasLabels = chosen.height + 1 <= rect.height
            pictures = (0..<count).map {
                Rect(x: rect.x + 1 + $0 * (chosen.width + 1), y: rect.y, width: chosen.width, height: chosen.height)
            }
        }
    }

    /// The room the picker takes in a space of `width × height` cells (the largest picture size
    /// that fits, with labels when the height allows); nil when it does not fit at all.
    /// Widths for four pictures: 37 (8×4), 29 (6×3), 21 (4×2), 13 (2×1); heights 5, 4, 3, 2 (1).
    static func preferredSize(problem: Problem, width: Int, height: Int) -> (width: Int, height: Int)? {
        Geometry(count: datasets(problem).count, in: Rect(x: 0, y: 0, width: width, height: height))
            .map { ($0.width, $0.height) }
    }

    /// The data set whose picture or label is at a cell, for clicks; nil between them.
    static func dataset(atX x: Int, y: Int, in rect: Rect, problem: Problem) -> Dataset? {
        let sets = datasets(problem)
        guard let geometry = Geometry(count: sets.count, in: rect) else { return nil }
        for (dataset, picture) in zip(sets, geometry.pictures) {
            let item = Rect(x: picture.x, y: picture.y, width: picture.width, height: geometry.height)
            if item.contains(x: x, y: y) { return dataset }
        }
        return nil
    }

    static func draw(current: Dataset?, problem: Problem, capabilities: Capabilities, in rect: Rect,
                     into grid: inout CellGrid) {
        grid.fill(rect)
        let sets = datasets(problem)
        guard let geometry = Geometry(count: sets.count, in: rect) else { return }
        let palette = Palette(capabilities.colors)
        let labels = labelTexts(sets, width: geometry.pictureWidth)
        for (index, (dataset, picture)) in zip(sets, geometry.pictures).enumerated() {
            drawPicture(samples[dataset] ?? [], capabilities: capabilities, in: picture, into: &grid)
            let isCurrent = dataset == current
            if isCurrent {
                for y in picture.y..<picture.maxY {
                    grid.set(x: picture.x - 1, y: y, Cell("[", style: CellStyle(bold: true)), clip: rect)
                    grid.set(x: picture.maxX, y: y, Cell("]", style: CellStyle(bold: true)), clip: rect)
                }
            }
            guard geometry.hasLabels else { continue }
            let row = Rect(x: picture.x, y: picture.maxY, width: picture.width, height: 1)
            let style = isCurrent ? CellStyle(bold: true, reverse: true) : CellStyle(foreground: palette.dim)
            let text = labels[index]
            let padding = (row.width - text.count) / 2
            grid.put(String(repeating: " ", count: padding) + text + String(repeating: " ", count: row.width - padding - text.count),
                     x: row.x, y: row.y, style: style, clip: row.intersection(rect))
        }
    }

    /// Every label in one form, the first that fits all: "circle", else the names cut to the
    /// picture's width ("circ"). No key numbers: the digits belong to the features; `d`/`D`
    /// or a click choose a data set.
    static func labelTexts(_ sets: [Dataset], width: Int) -> [String] {
        let forms: [(Int, Dataset) -> String] = [{ name($1) }, { String(name($1).prefix(width)) }]
        for form in forms {
            let texts = sets.enumerated().map { form($0.offset, $0.element) }
            if texts.allSatisfy({ $0.count <= width }) { return texts }
        }
        return sets.map { _ in "" }
    }

    /// The mean label of the points in each of `columns × rows` bins over [-6, 6]² (row 0 at
    /// the top, y up); nil for an empty bin.
    static func meanLabels(_ points: [Example], columns: Int, rows: Int) -> [Double?] {
        var sums = [Double](repeating: 0, count: columns * rows), counts = [Int](repeating: 0, count: columns * rows)
        for point in points {
            let column = Int(((point.x + 6) / 12 * Double(columns)).rounded(.down))
            let row = Int(((6 - point.y) / 12 * Double(rows)).rounded(.down))
            guard column >= 0, column < columns, row >= 0, row < rows else { continue }
            sums[row * columns + column] += point.label
            counts[row * columns + column] += 1
        }
        return zip(sums, counts).map { $1 == 0 ? nil : $0 / Double($1) }
    }

    /// One picture: half-block pixels in colour with Unicode, one colour per cell without it,
    /// `+`/`−` by the sign of the mean label without colour; empty bins stay blank.
    static func drawPicture(_ points: [Example], capabilities: Capabilities, in picture: Rect, into grid: inout CellGrid) {
        let palette = Palette(capabilities.colors)
        func color(_ mean: Double) -> TerminalColor { palette.shade(ShadeScale.shade(mean)) }
        if capabilities.colors != .none && capabilities.unicode {
            let pixels = meanLabels(points, columns: picture.width, rows: 2 * picture.height)
            for row in 0..<picture.height {
                for column in 0..<picture.width {
                    let upper = pixels[2 * row * picture.width + column], lower = pixels[(2 * row + 1) * picture.width + column]
                    let cell: Cell = switch (upper, lower) {
                    case let (upper?, lower?): Cell("▀", style: CellStyle(foreground: color(upper), background: color(lower)))
                    case let (upper?, nil): Cell("▀", style: CellStyle(foreground: color(upper)))
                    case let (nil, lower?): Cell("▄", style: CellStyle(foreground: color(lower)))
                    case (nil, nil): Cell(" ")
                    }
                    grid.set(x: picture.x + column, y: picture.y + row, cell)
                }
            }
            return
        }
        let cells = meanLabels(points, columns: picture.width, rows: picture.height)
        for row in 0..<picture.height {
            for column in 0..<picture.width {
                guard let mean = cells[row * picture.width + column] else { continue }
                let cell = capabilities.colors == .none
                    ? Cell(PointMarks.glyph(positive: mean >= 0, isTest: false, unicode: capabilities.unicode))
                    : Cell(" ", style: CellStyle(background: color(mean)))
                grid.set(x: picture.x + column, y: picture.y + row, cell)
            }
        }
    }
}
