fn main() -> std::process::ExitCode {
    toroi::cli::run()
}
