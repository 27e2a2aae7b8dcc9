-- Issue 12: what the 营业执照 says beyond name, credit code and address, and the licence photo (an asset) it was read from.
ALTER TABLE enterprise ADD COLUMN licence_type TEXT;
ALTER TABLE enterprise ADD COLUMN legal_representative TEXT;
ALTER TABLE enterprise ADD COLUMN registered_capital TEXT;
ALTER TABLE enterprise ADD COLUMN established_on TEXT;
ALTER TABLE enterprise ADD COLUMN business_scope TEXT;
ALTER TABLE enterprise ADD COLUMN licence_photo_sha256 TEXT;
