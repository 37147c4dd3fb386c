//! Where sittings live: the sessions folder and the `<session>` argument.

use std::path::{Path, PathBuf};

use crate::model::ids::{IdError, check_id};

/// The file name of a sitting's plan inside its folder.
pub(crate) const PLAN_FILE: &str = "session.json";

/// Where the sessions folder was found, so messages can say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionsSource {
    /// `--sessions DIR`.
    Flag,
    /// The `BUNKAKAI_SESSIONS` environment variable.
    Env,
    /// `./sessions` in the current folder.
    CurrentDir,
    /// The user's data folder.
    DataDir,
}

/// Picks the sessions folder: `--sessions`, else `$BUNKAKAI_SESSIONS`, else
/// `./sessions` when it exists, else `<data folder>/bunkakai/sessions`.
pub fn sessions_dir(
    flag: Option<&Path>,
    env: Option<&str>,
    cwd: &Path,
    data_dir: Option<&Path>,
) -> (PathBuf, SessionsSource) {
    if let Some(dir) = flag {
        return (dir.to_path_buf(), SessionsSource::Flag);
    }
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return (PathBuf::from(dir), SessionsSource::Env);
    }
    let local = cwd.join("sessions");
    if local.is_dir() {
        return (PathBuf::from("sessions"), SessionsSource::CurrentDir);
    }
    let data = data_dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    (
        data.join("bunkakai").join("sessions"),
        SessionsSource::DataDir,
    )
}

/// A sitting's plan file, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPath {
    /// The sitting's folder (holds run.json and notes/).
    pub dir: PathBuf,
    /// Its `session.json`.
    pub plan: PathBuf,
    /// The id the sitting has when its plan names none: the folder's name.
    pub default_id: String,
}

/// Why a `<session>` argument names no sitting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocateError {
    /// Not a path, and not usable as an id.
    BadId(String, IdError),
    /// A well-formed id with no folder in the sessions folder.
    NotFound {
        /// The id asked for.
        id: String,
        /// The sessions folder searched.
        dir: PathBuf,
        /// The ids that are there.
        available: Vec<String>,
    },
    /// A folder without a `session.json`.
    NoPlan(PathBuf),
}

/// Resolves a `<session>` argument: a folder, a `session.json` path, or an id
/// looked up in the sessions folder.
pub fn locate(arg: &str, sessions: &Path) -> Result<SessionPath, LocateError> {
    let as_path = Path::new(arg);
    if as_path.is_file() {
        let dir = as_path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        return Ok(SessionPath {
            default_id: folder_name(&dir),
            dir,
            plan: as_path.to_path_buf(),
        });
    }
    let looks_like_path = arg.contains('/') || arg.contains('\\') || arg.starts_with('.');
    if as_path.is_dir() && (looks_like_path || !sessions.join(arg).is_dir()) {
        return in_folder(as_path.to_path_buf());
    }
    // A sitting the list shows is reached by the name the list shows, even
    // when that folder name (`.hidden`, `a.b`, `my session`) could not be
    // written as an id: the folder exists, nothing new is named after it.
    let listed = sessions.join(arg);
    let plain_name =
        !arg.is_empty() && !arg.contains('/') && !arg.contains('\\') && arg != "." && arg != "..";
    if plain_name && listed.join(PLAN_FILE).is_file() {
        return in_folder(listed);
    }
    if looks_like_path {
        return Err(LocateError::NoPlan(as_path.to_path_buf()));
    }
    check_id(arg).map_err(|e| LocateError::BadId(arg.to_string(), e))?;
    let dir = sessions.join(arg);
    if dir.is_dir() {
        return in_folder(dir);
    }
    Err(LocateError::NotFound {
        id: arg.to_string(),
        dir: sessions.to_path_buf(),
        available: list(sessions),
    })
}

fn in_folder(dir: PathBuf) -> Result<SessionPath, LocateError> {
    let plan = dir.join(PLAN_FILE);
    if !plan.is_file() {
        return Err(LocateError::NoPlan(dir));
    }
    Ok(SessionPath {
        default_id: folder_name(&dir),
        dir,
        plan,
    })
}

fn folder_name(dir: &Path) -> String {
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The ids of the sittings in a sessions folder (folders holding a
/// `session.json`), sorted.
pub fn list(sessions: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(sessions) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join(PLAN_FILE).is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

/// Reads a whole file, for plans that are parsed by the model.
pub fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_dir_precedence() {
        let tmp = tempfile::tempdir().unwrap();
        let data = Path::new("/data");
        let flag = Path::new("/flag");
        assert_eq!(
            sessions_dir(Some(flag), Some("/env"), tmp.path(), Some(data)).1,
            SessionsSource::Flag
        );
        assert_eq!(
            sessions_dir(None, Some("/env"), tmp.path(), Some(data)),
            (PathBuf::from("/env"), SessionsSource::Env)
        );
        assert_eq!(
            sessions_dir(None, Some(""), tmp.path(), Some(data)),
            (
                PathBuf::from("/data/bunkakai/sessions"),
                SessionsSource::DataDir
            )
        );
        std::fs::create_dir(tmp.path().join("sessions")).unwrap();
        assert_eq!(
            sessions_dir(None, None, tmp.path(), Some(data)).1,
            SessionsSource::CurrentDir
        );
    }

    #[test]
    fn locate_by_id_folder_and_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("s1");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join(PLAN_FILE), "{}").unwrap();
        let by_id = locate("s1", tmp.path()).unwrap();
        assert_eq!(by_id.plan, dir.join(PLAN_FILE));
        assert_eq!(by_id.default_id, "s1");
        let by_dir = locate(dir.to_str().unwrap(), Path::new("/nowhere")).unwrap();
        assert_eq!(by_dir.plan, dir.join(PLAN_FILE));
        let by_file = locate(dir.join(PLAN_FILE).to_str().unwrap(), Path::new("/nowhere")).unwrap();
        assert_eq!(by_file.default_id, "s1");
        match locate("s2", tmp.path()) {
            Err(LocateError::NotFound { available, .. }) => {
                assert_eq!(available, vec!["s1".to_string()])
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            locate("a b", tmp.path()),
            Err(LocateError::BadId(..))
        ));
        assert!(matches!(
            locate("./missing", tmp.path()),
            Err(LocateError::NoPlan(_))
        ));
    }
}
