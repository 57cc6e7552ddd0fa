package uikit_test

import (
	"testing"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestDropDownsAskInTheUsersLanguage(t *testing.T) {
	uitest.French(t)
	if s := uikit.NewSelect([]string{"a"}, nil); s.PlaceHolder != "(Choisir)" {
		t.Errorf("placeholder %q", s.PlaceHolder)
	}
	if c := uikit.NewChoice(meeting.ActionStatuses, uikit.ActionStatusLabel, nil); c.PlaceHolder != "(Choisir)" {
		t.Errorf("choice placeholder %q", c.PlaceHolder)
	}
}
