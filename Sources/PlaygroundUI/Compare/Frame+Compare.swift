// The comparison's part of the frame: its layout and each run's pictures, computed once per update.
import PlaygroundCore

extension Frame {
    /// The comparison's layout, and a `ShownRun` per run: its network, epoch and losses, and
    /// (for the runs whose map shows) its heat map, evaluated here, never in render. `pictures`
    /// are the last frame's, reused where the run's network and the map's size are the same.
    mutating func buildCompare(_ compare: Compare, width: Int, height: Int, pictures: [PictureCache], refresh: PictureRefresh) {
        let layout = CompareLayout(width: width, height: height, runCount: compare.runs.count, selected: compare.selected)
        var pictures = pictures
        runs = compare.runs.enumerated().map { index, run in
            var cache = index < pictures.count ? pictures[index] : PictureCache()
            if index < pictures.count { pictures[index] = PictureCache() }
            if let map = layout.map(ofRun: index) {
                let features = run.playground.state.inputFeatures
                let sized = cache.pixelWidth == map.width && cache.pixelHeight == map.height * 2
                if refresh == .refresh || !sized {
                    cache.refresh(network: run.playground.network, features: features, width: map.width, height: map.height * 2)
                }
            }
            return ShownRun(network: run.playground.network, epoch: run.epoch, heatMap: cache, losses: run.losses)
        }
        compareLayout = layout
    }

    /// The runs' pictures, moved out (not copied) for the next frame.
    mutating func takeRunPictures() -> [PictureCache] {
        runs.indices.map { index in
            var cache = PictureCache()
            swap(&cache, &runs[index].heatMap)
            return cache
        }
    }
}
