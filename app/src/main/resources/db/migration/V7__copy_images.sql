-- The cleaned page as the electronic copy holds it (app/CAPTURE.md): made once when the page is read, stored in the
-- content store and recorded in the same transaction as its text, so writing the copy (now or after a restart)
-- needs no second clean-up. JPEG for GREY and COLOUR pages (the bytes that go into the PDF), a 1-bit PNG for
-- BILEVEL. NULL for pages read before V7 and for pages whose OCR failed: those are cleaned up again for the copy.
ALTER TABLE pages ADD COLUMN copy_image_content_id TEXT;
ALTER TABLE pages ADD COLUMN copy_image_dpi INTEGER;
