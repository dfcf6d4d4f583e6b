// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SalesDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "salesdesk", targets: ["salesdesk"]),
        .executable(name: "salesdesk-bench", targets: ["salesdesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "SalesDeskDomain"),
        .target(name: "SalesDeskReports", dependencies: ["SalesDeskDomain"]),
        .target(name: "SalesDeskInsight", dependencies: ["SalesDeskDomain", "SalesDeskReports", "SalesDeskStore", "TerminalUI"]),
        .target(name: "SalesDeskAutomation", dependencies: ["SalesDeskDomain"]),
        .target(
            name: "SalesDeskConfig",
            dependencies: ["SalesDeskDomain", "TerminalUI", "TOMLKit"]
        ),
        .target(
            name: "SalesDeskStore",
            dependencies: [
                "SalesDeskDomain", "SalesDeskAutomation",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SalesDeskScheduler",
            dependencies: [
                "SalesDeskDomain", "SalesDeskStore", "SalesDeskAutomation",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "TerminalUI"),
        .target(name: "NcursesTerminal", dependencies: ["TerminalUI", "CNcurses"]),
        .target(
            name: "SalesDeskApp",
            dependencies: [
                "SalesDeskDomain", "SalesDeskStore", "SalesDeskScheduler", "TerminalUI", "SalesDeskInsight", "SalesDeskReports", "SalesDeskAutomation",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SalesDeskTesting",
            dependencies: ["SalesDeskDomain", "SalesDeskStore", "TerminalUI", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "SalesDeskCLI",
            dependencies: [
                "SalesDeskDomain", "SalesDeskConfig", "SalesDeskStore", "SalesDeskScheduler", "SalesDeskAutomation",
                "TerminalUI", "NcursesTerminal", "SalesDeskApp", "SalesDeskReports", "SalesDeskInsight",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "salesdesk", dependencies: ["SalesDeskCLI"]),
        .executableTarget(
            name: "salesdesk-bench",
            dependencies: [
                "SalesDeskDomain", "SalesDeskStore", "SalesDeskApp", "SalesDeskConfig", "SalesDeskScheduler", "TerminalUI", "SalesDeskInsight",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SalesDeskDomainTests", dependencies: ["SalesDeskDomain"]),
        .testTarget(name: "SalesDeskReportsTests", dependencies: ["SalesDeskReports", "SalesDeskDomain"]),
        .testTarget(
            name: "SalesDeskInsightTests",
            dependencies: ["SalesDeskInsight", "SalesDeskReports", "SalesDeskStore", "SalesDeskDomain", "SalesDeskTesting", "TerminalUI"]
        ),
        .testTarget(name: "SalesDeskAutomationTests", dependencies: ["SalesDeskAutomation", "SalesDeskDomain", "SalesDeskTesting"]),
        .testTarget(name: "SalesDeskConfigTests", dependencies: ["SalesDeskConfig", "SalesDeskDomain", "TerminalUI"]),
        .testTarget(
            name: "SalesDeskStoreTests",
            dependencies: [
                "SalesDeskStore", "SalesDeskDomain", "SalesDeskTesting", "SalesDeskAutomation", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "SalesDeskSchedulerTests",
            dependencies: [
                "SalesDeskScheduler", "SalesDeskTesting", "SalesDeskAutomation",
                .product(name: "Clocks", package: "swift-clocks"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "TerminalUI"]),
        .testTarget(
            name: "SalesDeskAppTests",
            dependencies: ["SalesDeskApp", "SalesDeskDomain", "SalesDeskStore", "SalesDeskTesting", "SalesDeskConfig", "TerminalUI", "SalesDeskInsight"],
            exclude: ["__Snapshots__"]
        ),
        // The CLI tests run the built `salesdesk` binary, so the executable is a dependency too.
        .testTarget(name: "SalesDeskCLITests", dependencies: ["SalesDeskCLI", "SalesDeskDomain", "SalesDeskStore", "SalesDeskTesting", "SalesDeskAutomation", "salesdesk"]),
    ],
    swiftLanguageModes: [.v6]
)
