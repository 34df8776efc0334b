import Foundation

/// Expands the paths given on the command line into the files to ingest: folders are
/// walked recursively in name order, hidden files and folders are left out.
enum InputFiles {
    struct File: Equatable {
        var path: String
        var size: Int
    }

    /// The files under `paths`, and the paths that do not exist.
    static func expand(_ paths: [String]) -> (files: [File], missing: [String]) {
        var files: [File] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if !isDirectory.boolValue {
                files.append(File(path: path, size: size(of: path)))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                missing.append(path)
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                    found.append(full)
                }
            }
            files += found.sorted().map { File(path: $0, size: size(of: $0)) }
        }
        return (files, missing)
    }

    /// The size of the file itself, following symbolic links (a linked baseline file is
    /// as big as its target, not as its link).
    static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
