package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"

	"quorum/meeting"
)

// MailDraft writes the notice as a mail ready to send (.eml, MIME): to the
// attendees who have an email address, from the organiser (the secretary),
// the subject « Convocation – … », the notice in plain text and HTML in the
// meeting's language, and two attachments: the agenda (PDF) and the
// calendar invite (.ics). Its X-Unsent header makes Outlook, Apple Mail
// and current Thunderbird open it as a new message ready to send.
func MailDraft(w io.Writer, r *meeting.Record, o Options) error {
	var agenda, ics bytes.Buffer
	if err := Agenda(&agenda, r, o); err != nil {
		return err
	}
	if err := Invite(&ics, r, o); err != nil {
		return err
	}
	n := newNotice(r, o)
	base := meeting.SafeFileName(reference(n.m, n.w, kindAgenda))
	files := []attachment{
		{name: base + ".pdf", mediaType: "application/pdf", data: agenda.Bytes()},
		{name: base + ".ics", mediaType: "text/calendar", params: map[string]string{"method": inviteMethod(n.m), "charset": "utf-8"}, data: ics.Bytes()},
	}
	return n.writeMail(w, files)
}

type attachment struct {
	name, mediaType string
	params          map[string]string
	data            []byte
}

// boundary is the MIME boundary of a part of a meeting's mail: fixed for
// a meeting, so that the same meeting gives the same file.
func (n *notice) boundary(part string) string {
	sum := sha256.Sum256([]byte(InviteUID(n.m) + part))
	return fmt.Sprintf("quorum-%s-%x", part, sum[:12])
}

func (n *notice) writeMail(w io.Writer, files []attachment) error {
	var b bytes.Buffer
	h := n.headers()
	mixed := multipart.NewWriter(&b)
	if err := mixed.SetBoundary(n.boundary("mixed")); err != nil {
		return err
	}
	h = append(h, [2]string{"Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": mixed.Boundary()})})
	var head bytes.Buffer
	for _, kv := range h {
		head.WriteString(kv[0] + ": " + kv[1] + "\r\n")
	}
	head.WriteString("\r\n")

	// The text, in plain and HTML.
	altBoundary := n.boundary("alternative")
	part, err := mixed.CreatePart(textproto.MIMEHeader{
		"Content-Type": {mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": altBoundary})}})
	if err != nil {
		return err
	}
	alt := multipart.NewWriter(part)
	if err := alt.SetBoundary(altBoundary); err != nil {
		return err
	}
	text, htmlText := n.body(files)
	for _, body := range []struct{ mediaType, text string }{{"text/plain", text}, {"text/html", htmlText}} {
		p, err := alt.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {mime.FormatMediaType(body.mediaType, map[string]string{"charset": "utf-8"})},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		if err != nil {
			return err
		}
		qp := quotedprintable.NewWriter(p)
		if _, err := io.WriteString(qp, strings.ReplaceAll(body.text, "\n", "\r\n")); err != nil {
			return err
		}
		if err := qp.Close(); err != nil {
			return err
		}
	}
	if err := alt.Close(); err != nil {
		return err
	}

	for _, f := range files {
		params := map[string]string{"name": f.name}
		for k, v := range f.params {
			params[k] = v
		}
		p, err := mixed.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {mime.FormatMediaType(f.mediaType, params)},
			"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": f.name})},
			"Content-Transfer-Encoding": {"base64"},
		})
		if err != nil {
			return err
		}
		writeBase64(p, f.data)
	}
	if err := mixed.Close(); err != nil {
		return err
	}
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// writeBase64 writes data in base64 lines of 76 characters (RFC 2045).
func writeBase64(w io.Writer, data []byte) {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		io.WriteString(w, enc[:76]+"\r\n")
		enc = enc[76:]
	}
	io.WriteString(w, enc+"\r\n")
}

// headers are the mail's headers, encoded for transport: names and the
// subject in RFC 2047 words, the recipients one per line.
func (n *notice) headers() [][2]string {
	var to []string
	seen := map[string]bool{}
	for _, a := range n.r.Attendees {
		if e := strings.ToLower(a.Person.Email); e != "" && !seen[e] {
			seen[e] = true
			to = append(to, (&mail.Address{Name: a.Person.Name, Address: a.Person.Email}).String())
		}
	}
	h := [][2]string{
		{"MIME-Version", "1.0"},
		{"Date", n.o.now().Format("Mon, 02 Jan 2006 15:04:05 -0700")},
	}
	if org := n.organiser(); org != nil {
		h = append(h, [2]string{"From", (&mail.Address{Name: org.Person.Name, Address: org.Person.Email}).String()})
	}
	if len(to) > 0 {
		h = append(h, [2]string{"To", strings.Join(to, ",\r\n ")})
	}
	subject := mime.QEncoding.Encode("utf-8", n.subject())
	h = append(h, [2]string{"Subject", strings.ReplaceAll(subject, "?= =?", "?=\r\n =?")},
		[2]string{"Content-Language", n.w.lang},
		[2]string{"X-Unsent", "1"})
	return h
}

// body is the mail's text: greeting, what it is about, the notice, the
// attachments and the closing with the secretary's name.
func (n *notice) body(files []attachment) (text, htmlText string) {
	intro := n.nw.invitation
	if n.m.Status == meeting.Cancelled {
		intro = n.nw.cancellation
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
	}
	sections := append([]noticeSection{{lines: []noticeLine{{text: n.nw.greeting}}}, {lines: []noticeLine{{text: intro}}}},
		n.sections()...)
	closing := noticeSection{lines: []noticeLine{{text: fmt.Sprintf(n.nw.attached, strings.Join(names, ", "))}}}
	sections = append(sections, closing, noticeSection{lines: []noticeLine{{text: n.nw.closing}}})
	if s := n.attendee(meeting.Secretary); s != nil {
		last := &sections[len(sections)-1]
		last.lines = append(last.lines, noticeLine{text: s.Person.Name})
	}
	return plainText(sections), htmlOf(sections)
}

// htmlOf writes sections as a small HTML page: headings, paragraphs, the
// agenda's sub-items indented.
func htmlOf(sections []noticeSection) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n<body style=\"font-family: sans-serif\">\n")
	for _, s := range sections {
		if s.heading != "" {
			b.WriteString("<h3>" + html.EscapeString(s.heading) + "</h3>\n")
		}
		b.WriteString("<p>")
		for i, l := range s.lines {
			if i > 0 {
				b.WriteString("<br>\n")
			}
			b.WriteString(strings.Repeat("&nbsp;", 4*l.level)) // Outlook ignores margins and padding here
			b.WriteString(html.EscapeString(l.text))
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}
