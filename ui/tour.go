package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"quorum/ui/uikit"
)

// view is one screen the tour shows and captures.
type view struct {
	name string
	show func(mw *mainWindow)
}

// tourViews are the main screens, in the order the README shows them.
func tourViews(meetingID int64) []view {
	section := func(s uikit.Section) view {
		return view{string(s), func(mw *mainWindow) { mw.ShowSection(s) }}
	}
	tab := func(t string) view {
		return view{"meeting-" + t, func(mw *mainWindow) { mw.OpenMeeting(meetingID, t) }}
	}
	return []view{
		section(uikit.Meetings),
		tab(uikit.TabDetails), tab(uikit.TabAttendees), tab(uikit.TabAgenda),
		tab(uikit.TabPapers), tab(uikit.TabMinutes), tab(uikit.TabPrint),
		section(uikit.Actions), section(uikit.People), section(uikit.SeriesSection), section(uikit.SettingsPage),
	}
}

// firstFrame waits until the first screen has read what it shows, takes
// the window's picture, and returns how long after started that was.
func (mw *mainWindow) firstFrame(started time.Time) time.Duration {
	mw.env.Wait()
	fyne.DoAndWait(func() { mw.env.Window.Canvas().Capture() })
	return time.Since(started)
}

// tour shows each main screen of meeting id in turn, writes a PNG of each
// into dir (screenshot), then closes the window.
func (mw *mainWindow) tour(dir string, id int64) error {
	defer fyne.Do(mw.onClose)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, v := range tourViews(id) {
		fyne.DoAndWait(func() { v.show(mw) })
		mw.env.Wait()
		// Let the driver lay out and paint what the loads applied.
		time.Sleep(700 * time.Millisecond)
		if err := screenshot(filepath.Join(dir, v.name+".png")); err != nil {
			return fmt.Errorf("screenshot %s: %w", v.name, err)
		}
	}
	return nil
}

// screenshot writes a PNG of Quorum's window as the X server shows it,
// with xdotool (to find the window) and ImageMagick's import. (Fyne's own
// Capture reads OpenGL's front buffer, which is blank under Xvfb.)
func screenshot(path string) error {
	id, err := exec.Command("xdotool", "search", "--name", "^Quorum$").Output()
	if err != nil {
		return fmt.Errorf("find the window with xdotool: %w", err)
	}
	ids := strings.Fields(string(id))
	if len(ids) == 0 {
		return fmt.Errorf("xdotool found no window named Quorum")
	}
	if out, err := exec.Command("import", "-window", ids[0], path).CombinedOutput(); err != nil {
		return fmt.Errorf("import: %v: %s", err, out)
	}
	return nil
}
