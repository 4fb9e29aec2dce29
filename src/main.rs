// An allocator made for many small, short-lived allocations (text runs,
// PDF objects, line-breaking candidates): the profile of a handbook spent
// about a quarter of its time in the system's malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    toroi::cli::run()
}
