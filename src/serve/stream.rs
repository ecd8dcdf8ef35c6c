//! A response body that serializes quads from the store as the client reads,
//! so a Graph Store download of any size needs little memory.

use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::rc::Rc;

use oxhttp::model::Body;
use oxigraph::io::{RdfSerializer, WriterQuadSerializer};
use oxigraph::store::QuadIter;

/// Quads serialized per refill of the buffer.
const CHUNK: usize = 1024;

/// A writer appending to a buffer shared with the reader.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct QuadReader {
    quads: QuadIter<'static>,
    serializer: Option<WriterQuadSerializer<Shared>>,
    buffer: Shared,
    position: usize,
    triples: bool,
}

impl QuadReader {
    /// Serializes the next chunk; false when everything was written.
    fn refill(&mut self) -> io::Result<bool> {
        let Some(mut ser) = self.serializer.take() else { return Ok(false) };
        self.buffer.0.borrow_mut().clear();
        self.position = 0;
        for _ in 0..CHUNK {
            match self.quads.next() {
                Some(q) => {
                    let q = q.map_err(io::Error::other)?;
                    if self.triples {
                        ser.serialize_triple(q.as_ref())?;
                    } else {
                        ser.serialize_quad(&q)?;
                    }
                }
                None => {
                    ser.finish()?;
                    return Ok(true);
                }
            }
        }
        self.serializer = Some(ser);
        Ok(true)
    }
}

impl Read for QuadReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            {
                let data = self.buffer.0.borrow();
                if self.position < data.len() {
                    let n = buf.len().min(data.len() - self.position);
                    buf[..n].copy_from_slice(&data[self.position..self.position + n]);
                    self.position += n;
                    return Ok(n);
                }
            }
            if !self.refill()? {
                return Ok(0);
            }
        }
    }
}

/// A body streaming `quads` through `serializer` (as triples if `triples`).
pub fn body(serializer: RdfSerializer, quads: QuadIter<'static>, triples: bool) -> Body {
    let buffer = Shared::default();
    let serializer = serializer.for_writer(buffer.clone());
    Body::from_read(QuadReader { quads, serializer: Some(serializer), buffer, position: 0, triples })
}
