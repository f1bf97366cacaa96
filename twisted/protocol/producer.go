package protocol

// IProducer produces data for a consumer, such as a transport
// (twisted.internet.interfaces.IProducer).
type IProducer interface {
	// StopProducing stops producing data: the consumer has died, or no
	// more data is wanted.
	StopProducing()
}

// IPushProducer is a streaming producer: it writes to its consumer as
// data comes, until paused (twisted.internet.interfaces.IPushProducer).
type IPushProducer interface {
	IProducer
	// PauseProducing asks the producer to stop writing until
	// ResumeProducing: the consumer's buffer is full.
	PauseProducing()
	// ResumeProducing asks it to write again.
	ResumeProducing()
}

// IPullProducer is a producer that writes one chunk each time it is
// asked (twisted.internet.interfaces.IPullProducer).
type IPullProducer interface {
	IProducer
	// ResumeProducing asks for one more chunk of data.
	ResumeProducing()
}

// IConsumer consumes data from a producer
// (twisted.internet.interfaces.IConsumer). The transports of package
// reactor and loopback are consumers.
type IConsumer interface {
	// RegisterProducer registers producer to write to the consumer:
	// streaming is true for an IPushProducer, which the consumer pauses
	// and resumes as its buffer fills and drains, false for an
	// IPullProducer, which it asks for data whenever its buffer is empty.
	// Registering while a producer is registered panics, as Twisted
	// raises RuntimeError.
	RegisterProducer(producer IProducer, streaming bool)
	// UnregisterProducer stops the consumer using the producer.
	UnregisterProducer()
	// Write writes data to the consumer.
	Write(data []byte)
}
