// mcred-bench: throughput figures for DESIGN.md §10.
//
//   swift run -c release mcred-bench [--seconds N] [--section json|sign|cli|all] [--only TEXT]
//
// Each section adds rows to one table; new sections (sign, verify, batch) register in `sections`.

let sections: [(name: String, run: (inout Bench) -> Void)] = [
    ("json", JSONSection.run),
    ("sign", SignSection.run),
    ("cli", CLISection.run),
]

switch BenchOptions.parse(Array(CommandLine.arguments.dropFirst()), sections: sections.map(\.name)) {
case .failure(let message):
    print("mcred-bench: \(message)")
    print("usage: mcred-bench [--seconds N] [--only TEXT] [--section \(sections.map(\.name).joined(separator: "|"))|all]")
case .success(let options):
    var bench = Bench(seconds: options.seconds, only: options.only)
    bench.printHeader()
    for section in sections where options.section == "all" || options.section == section.name {
        section.run(&bench)
    }
}
